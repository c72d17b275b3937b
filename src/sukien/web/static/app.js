// sukien: a little progressive enhancement; every page works without it.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // Filter form: submit when the outlet changes, and leave empty fields out of the URL.
  const filters = document.querySelector("form.filters");
  if (filters) {
    const outlet = filters.querySelector("select[name=outlet]");
    if (outlet) outlet.addEventListener("change", () => filters.requestSubmit());
    filters.addEventListener("submit", () => {
      for (const field of filters.querySelectorAll("input, select")) {
        if (!field.value) field.disabled = true;
      }
    });
  }
  // Article page: bring the sentence cited by a summary into view and flash it.
  const flash = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id.startsWith("s-")) return;
    const target = document.getElementById(id);
    if (!target) return;
    target.scrollIntoView({ block: "center" });
    target.classList.remove("flash");
    void target.offsetWidth;
    target.classList.add("flash");
  };
  window.addEventListener("hashchange", flash);
  flash();
});
