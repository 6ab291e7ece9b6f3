// theme.js: light or dark colours, as the reader chose (kept in
// localStorage) or else as the system prefers. A classic script in <head>,
// so the page paints in the right colours from the start. It announces
// every change with a "dbtour-theme" event on document ({detail: {dark}}).
(() => {
  const key = "dbtour:theme";
  const root = document.documentElement;
  const system = matchMedia("(prefers-color-scheme: dark)");
  try {
    const chosen = localStorage.getItem(key);
    if (chosen === "light" || chosen === "dark") root.dataset.theme = chosen;
  } catch {
    // No storage: follow the system.
  }

  // isDark reports whether the page shows dark colours.
  const isDark = () => (root.dataset.theme ? root.dataset.theme === "dark" : system.matches);
  const announce = () => document.dispatchEvent(new CustomEvent("dbtour-theme", { detail: { dark: isDark() } }));
  system.addEventListener("change", announce);

  // The toggle in the header switches to the other theme and keeps the choice.
  document.addEventListener("DOMContentLoaded", () => {
    const toggle = document.querySelector("[data-testid=theme-toggle]");
    if (!toggle) return;
    const show = () => toggle.setAttribute("aria-pressed", String(isDark()));
    show();
    toggle.hidden = false;
    toggle.addEventListener("click", () => {
      root.dataset.theme = isDark() ? "light" : "dark";
      try {
        localStorage.setItem(key, root.dataset.theme);
      } catch (err) {
        console.warn("dbtour: cannot keep your colour choice:", err);
      }
      announce();
    });
    document.addEventListener("dbtour-theme", show);
  });
})();
