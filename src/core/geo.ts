/** Great-circle distance on a spherical Earth (haversine), enough to say how far a weather station is from a site. */

/** IUGG mean Earth radius R1 (Moritz 2000, "Geodetic Reference System 1980", J. Geodesy 74), km. */
export const EARTH_MEAN_RADIUS_KM = 6371.0088;
const DEG = Math.PI / 180;

export interface LatLon {
  latitudeDeg: number;
  longitudeDeg: number;
}

/** Distance between two points in km. */
export function distanceKm(a: LatLon, b: LatLon): number {
  const dLat = (b.latitudeDeg - a.latitudeDeg) * DEG;
  const dLon = (b.longitudeDeg - a.longitudeDeg) * DEG;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitudeDeg * DEG) * Math.cos(b.latitudeDeg * DEG) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_MEAN_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
