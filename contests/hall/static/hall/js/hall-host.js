/* The hall panel of the contest's host console: the audience game's state and the hall
   commands the server allows now (the hall's `actions`, never a copy of the rules here). */
(function (global) {
  // The page's own scripts (the live client among them) come after this panel in the page.
  global.document.addEventListener("DOMContentLoaded", function () { startHallHost(global); });
})(window);

function startHallHost(global) {
  "use strict";
  var doc = global.document;
  var root = doc.getElementById("hall");
  if (!root || root.dataset.role !== "host") return;
  var labels = JSON.parse(doc.getElementById("hall-labels").textContent);

  function format(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (match, key) { return values[key]; });
  }

  function statusText(hall) {
    if (!hall) return labels.off;
    var parts = [labels.phases[hall.phase] || hall.phase, format(labels.players, { count: hall.players })];
    if (hall.number > 0) parts.push(format(labels.question, { number: hall.number, count: hall.questions }));
    return parts.join(" · ");
  }

  function render(view) {
    var hall = view.hall;
    root.querySelector("[data-hall-status]").textContent = statusText(hall);
    var actions = root.querySelector("[data-hall-actions]");
    actions.textContent = "";
    view.actions.allowed.forEach(function (command) {
      if (command === "draw") return;  // the draw form below
      var button = doc.createElement("button");
      button.type = "button";
      button.dataset.hallCommand = command;
      button.textContent = labels.actions[command];
      if (command === view.actions.primary) button.className = "hall-primary";
      actions.appendChild(button);
    });
    root.querySelector("[data-hall-draw]").hidden = view.actions.allowed.indexOf("draw") < 0;
    var join = root.querySelector("[data-hall-join]");
    join.hidden = !hall;
    var top = root.querySelector("[data-hall-top]");
    top.textContent = "";
    if (!hall) return;
    root.querySelector("[data-hall-pin]").textContent = hall.pin;
    root.querySelector("[data-hall-console]").href = hall.console_url;
    hall.top.forEach(function (entry) {
      var item = doc.createElement("li");
      item.textContent = entry.rank + ". " + entry.nickname + " · " + entry.score;
      top.appendChild(item);
    });
  }

  var client = new global.LiveClient({
    url: root.dataset.socket,
    errorElement: root.querySelector("[data-hall-error]"),
    errorText: function (frame) { return labels.errors[frame.code] || frame.message; },
    onSnapshot: render,
    onFrame: function (frame) { if (frame.type === "hall") render(frame); },
  });

  root.addEventListener("click", function (event) {
    var button = event.target.closest("[data-hall-command]");
    if (!button) return;
    var command = button.dataset.hallCommand;
    if (command === "finish" && !global.confirm(labels.confirm_finish)) return;
    client.send("host." + command, {});
  });
  root.querySelector("[data-hall-draw]").addEventListener("submit", function (event) {
    event.preventDefault();
    var form = event.target;
    client.send("host.draw", { count: Number(form.count.value), min_correct: Number(form.min_correct.value) });
  });
  global.HallPanel = { client: client };  // for the browser tests
}
