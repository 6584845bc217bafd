(function () {
  "use strict";
  var V = window.ContestView;
  var root = document.getElementById("contest");
  var countdown = null;

  var client = V.start(function (state, client) {
    if (!countdown) countdown = new V.Countdown(client, root.querySelector("[data-countdown]"));
    countdown.update(state);
    root.dataset.currentPhase = state.phase;
    V.setText(root, "[data-phase]", V.phaseText(state));
    V.setText(root, "[data-round]", V.roundText(state) + (state.risk_value ? " · " + V.format(V.labels.risk_value, {value: state.risk_value}) : ""));
    V.renderQuestion(root.querySelector("[data-question]"), state);
    V.renderVerdict(root.querySelector("[data-outcome]"), state);
    V.renderTeams(root.querySelector("[data-teams]"), state);
    var reveal = root.querySelector("[data-command='host.reveal']");
    if (!reveal.dataset.label) reveal.dataset.label = reveal.textContent;
    reveal.textContent = state.phase === "audience" ? V.labels.reveal_after_audience : reveal.dataset.label;
    reveal.classList.toggle("primary", state.phase === "audience");
    var audit = root.querySelector("[data-audit]");
    audit.textContent = "";
    (state.audit || []).forEach(function (event) {
      var delta = event.delta > 0 ? "+" + event.delta : String(event.delta);
      var parts = event.reason.split(": ");
      var reason = (V.labels.reasons[parts[0]] || parts[0]) + (parts.length > 1 ? "：" + parts.slice(1).join(": ") : "");
      audit.appendChild(V.make("li", "", new Date(event.at).toLocaleTimeString() + " · " +
        V.teamName(state, event.team) + " " + delta + " · " + reason + " · " + event.actor));
    });
  });

  root.querySelector("[data-adjust]").addEventListener("submit", function (event) {
    event.preventDefault();
    var form = event.target;
    client.send("host.adjust", {
      team: Number(form.team.value), delta: Number(form.delta.value), reason: form.reason.value,
    });
    form.reset();
  });
})();
