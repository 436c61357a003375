/**
 * gigaplan's service worker, so the page works offline once it has been opened: it keeps the app, its Web Worker
 * code and the bundled weather/grid files in a cache named after the build. Pages load network-first (a new
 * build is seen at once when online), everything else cache-first. Only this origin's GET requests are handled;
 * nothing is ever fetched from anywhere else. The build (web/vite.config.ts) fills in the two constants below.
 */
const VERSION = "__GIGAPLAN_BUILD__";
const PRECACHE = ["__GIGAPLAN_PRECACHE__"];
const CACHE = `gigaplan-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("gigaplan-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith(new URL("api/", self.registration.scope).pathname)) return;
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) void caches.open(CACHE).then((c) => c.put("./", response.clone()));
          return response;
        })
        .catch(() => caches.match("./").then((r) => r ?? Response.error())),
    );
    return;
  }
  event.respondWith(caches.match(request, { ignoreSearch: false }).then((hit) => hit ?? fetch(request)));
});
