// Reading aids on every page: text size 大/中/小 (remembered in localStorage), print, and reading an
// article's body aloud with the browser's speech synthesis. No inline script: the CSP forbids it.
(function () {
  "use strict";
  var SIZES = ["small", "medium", "large"];
  var KEY = "text-size";
  var root = document.documentElement;

  function stored() {
    try { return window.localStorage.getItem(KEY); } catch (error) { return null; }
  }

  function apply(size) {
    SIZES.forEach(function (name) { root.classList.remove("text-size-" + name); });
    if (size && size !== "medium" && SIZES.indexOf(size) >= 0) { root.classList.add("text-size-" + size); }
    document.querySelectorAll("[data-text-size]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-text-size") === (size || "medium")));
    });
  }

  apply(stored());

  document.addEventListener("DOMContentLoaded", function () {
    apply(stored());
    document.querySelectorAll("[data-text-size]").forEach(function (button) {
      button.addEventListener("click", function () {
        var size = button.getAttribute("data-text-size");
        try { window.localStorage.setItem(KEY, size); } catch (error) { /* private mode: this page only */ }
        apply(size);
      });
    });

    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });

    if (!("speechSynthesis" in window) || typeof window.SpeechSynthesisUtterance !== "function") { return; }
    document.querySelectorAll("[data-read-aloud]").forEach(function (button) {
      var body = document.getElementById(button.getAttribute("data-read-aloud"));
      if (!body) { return; }
      var startLabel = button.textContent;
      var stopLabel = button.getAttribute("data-label-stop");
      button.hidden = false;
      button.setAttribute("aria-pressed", "false");
      function reset() { button.textContent = startLabel; button.setAttribute("aria-pressed", "false"); }
      button.addEventListener("click", function () {
        if (window.speechSynthesis.speaking) { window.speechSynthesis.cancel(); reset(); return; }
        var utterance = new window.SpeechSynthesisUtterance(body.innerText);
        utterance.lang = root.lang === "en" ? "en-US" : "zh-CN";
        utterance.rate = 0.9;
        utterance.onend = reset;
        utterance.onerror = reset;
        button.textContent = stopLabel;
        button.setAttribute("aria-pressed", "true");
        window.speechSynthesis.speak(utterance);
      });
    });
  });
})();
