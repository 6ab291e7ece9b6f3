// sw.js: the service worker. After one visit the whole course works with
// the network gone. The server puts VERSION (the assets' version) and
// PRECACHE (every page and asset, relative to this file, but the Go
// interpreter's engine, which a page fetches only when a reader edits Go)
// above this text; an asset fetched later is kept as it passes.

const CACHE = "dbtour-" + VERSION;

// install caches every page and asset of this build before it takes over.
self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()),
  );
});

// activate drops the caches of other builds, so old and new never mix.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("dbtour-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// fetch answers versioned assets from the cache (they never change; one
// not precached is kept once fetched) and pages from the network when it
// is there, else from the cache.
self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== location.origin) return;
  if (req.url.includes("/static/" + VERSION + "/")) {
    event.respondWith(caches.match(req).then((hit) => hit || fetch(req).then(keep(req))));
    return;
  }
  event.respondWith(
    fetch(req)
      .then((res) => {
        if (res.ok) {
          const copy = res.clone();
          caches.open(CACHE).then((cache) => cache.put(req, copy));
        }
        return res;
      })
      .catch(() => caches.match(req, { ignoreSearch: true }).then((hit) => hit || Response.error())),
  );
});

// keep returns a function that caches a good response to req as it
// passes it on.
function keep(req) {
  return (res) => {
    if (res.ok && res.status === 200) {
      const copy = res.clone();
      caches.open(CACHE).then((cache) => cache.put(req, copy));
    }
    return res;
  };
}
