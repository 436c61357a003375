/**
 * A smooth function of surface tilt (deg, 0..90) evaluated exactly at one tilt (a fixed array's) and elsewhere
 * linearly interpolated on a grid whose points are computed on first use (trackers sweep many tilts).
 */
export class TiltTable {
  private readonly grid: Float64Array;
  private readonly exactValue: number;
  private readonly last: number;

  constructor(
    private readonly fn: (tiltDeg: number) => number,
    private readonly stepDeg: number,
    private readonly exactTiltDeg: number,
  ) {
    this.last = Math.ceil(90 / stepDeg);
    this.grid = new Float64Array(this.last + 1).fill(Number.NaN);
    this.exactValue = fn(exactTiltDeg);
  }

  private point(k: number): number {
    let v = this.grid[k];
    if (Number.isNaN(v)) v = this.grid[k] = this.fn(Math.min(90, k * this.stepDeg));
    return v;
  }

  at(tiltDeg: number): number {
    if (tiltDeg === this.exactTiltDeg) return this.exactValue;
    const x = (tiltDeg < 0 ? 0 : tiltDeg > 90 ? 90 : tiltDeg) / this.stepDeg;
    const k = Math.min(this.last - 1, Math.floor(x));
    const f = x - k;
    return this.point(k) * (1 - f) + this.point(k + 1) * f;
  }
}
