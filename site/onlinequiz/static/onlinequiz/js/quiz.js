// Countdown for an online quiz attempt. The server keeps the real deadline; this only shows the
// time left (counted from the server's figure, so the phone's clock does not matter) and hands the
// paper in when it reaches zero.
(function () {
  "use strict";
  var timer = document.querySelector(".quiz-timer");
  var form = document.getElementById("quiz-paper");
  if (!timer || !form) return;
  var value = timer.querySelector(".quiz-timer__value");
  var endsAt = Date.now() + Number(timer.dataset.remainingMs);
  var warned = false;
  var handedIn = false;

  function show(seconds) {
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    value.textContent = minutes + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function tick() {
    var seconds = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
    show(seconds);
    if (seconds <= 60 && !warned) {
      warned = true;
      timer.classList.add("is-urgent");
      timer.setAttribute("aria-live", "assertive");
      timer.setAttribute("aria-label", timer.dataset.warningLabel);
    }
    if (seconds === 0 && !handedIn) {
      handedIn = true;
      form.requestSubmit();
      return;
    }
    window.setTimeout(tick, 250);
  }

  form.addEventListener("submit", function () { handedIn = true; });
  tick();
})();
