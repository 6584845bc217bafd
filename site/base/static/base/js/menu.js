// On a phone the main menu (five rows of links at 390 px) folds behind one "栏目导航" button, so
// a page starts with its content; wider screens, and browsers without this script, always show it.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-site-nav]").forEach(function (nav) {
      var button = nav.querySelector(".nav-toggle");
      if (!button) { return; }
      nav.classList.add("collapsible");
      button.hidden = false;
      button.addEventListener("click", function () {
        var open = button.getAttribute("aria-expanded") !== "true";
        button.setAttribute("aria-expanded", String(open));
        nav.classList.toggle("open", open);
      });
    });
  });
})();
