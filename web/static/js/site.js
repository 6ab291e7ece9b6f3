// site.js: the script of every page: offline use, and the reader's
// progress on the front page. It loads no editor and no engine; a lesson
// page adds lesson.js, the playground playground.js.
import { showProgress } from "./progress.js";

const toc = document.querySelector("[data-testid=toc]");
if (toc) showProgress(toc);

// The service worker lives at the site's root (this file is in
// static/VERSION/js/) so that it can keep every page for offline use.
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register(new URL("../../../sw.js", import.meta.url)).catch((err) => {
    console.warn("dbtour: offline use unavailable:", err);
  });
}
