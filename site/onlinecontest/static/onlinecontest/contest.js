// A timed set of the online contest. The server keeps the deadline; this shows the time left
// (from the server's figure, so the phone's clock does not matter), hands the set in at zero,
// and reports tab switches and page hides (the page may hand the set in after too many).
(function () {
  "use strict";
  var timer = document.querySelector(".contest-timer");
  var form = document.getElementById("contest-paper");
  if (!timer || !form) return;
  var value = timer.querySelector(".contest-timer__value");
  var endsAt = Date.now() + Number(timer.dataset.remainingMs);
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var handedIn = false;
  var warned = false;

  function handIn() {
    if (handedIn) return;
    handedIn = true;
    form.requestSubmit();
  }

  function tick() {
    var seconds = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    value.textContent = minutes + ":" + (rest < 10 ? "0" : "") + rest;
    if (seconds <= 30 && !warned) {
      warned = true;
      timer.classList.add("is-urgent");
      timer.setAttribute("aria-live", "assertive");
      timer.setAttribute("aria-label", timer.dataset.warningLabel);
    }
    if (seconds === 0) {
      handIn();
      return;
    }
    window.setTimeout(tick, 250);
  }

  function report(kind) {
    if (handedIn) return;
    var body = JSON.stringify({ kind: kind });
    fetch(timer.dataset.eventsUrl, {
      method: "POST",
      credentials: "same-origin",
      keepalive: true,
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: body
    }).then(function (response) { return response.json(); })
      .then(function (data) { if (data.hand_in) handIn(); })
      .catch(function () {});
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") report("hidden");
  });
  window.addEventListener("blur", function () { report("blur"); });
  form.addEventListener("submit", function () { handedIn = true; });
  tick();
})();
