/* The hall's card on the contest's big screen: the audience game's QR code and PIN while it runs,
   its leaderboard at the contest's scoreboard and at the end, and the lucky draw's winners. */
(function (global) {
  // The page's own scripts (the live client among them) come after this panel in the page.
  global.document.addEventListener("DOMContentLoaded", function () { startHallScreen(global); });
})(window);

function startHallScreen(global) {
  "use strict";
  var doc = global.document;
  var root = doc.getElementById("hall");
  if (!root || root.dataset.role !== "screen") return;
  var labels = JSON.parse(doc.getElementById("hall-labels").textContent);

  function format(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (match, key) { return values[key]; });
  }

  function list(element, items) {
    element.textContent = "";
    items.forEach(function (text) {
      var item = doc.createElement("li");
      item.textContent = text;
      element.appendChild(item);
    });
  }

  function render(view) {
    var hall = view.hall;
    root.hidden = !hall;
    root.dataset.contestPhase = view.contest_phase;
    if (!hall) return;
    root.dataset.hallPhase = hall.phase;
    var qr = root.querySelector("[data-hall-qr]");
    if (qr.getAttribute("src") !== hall.qr_url) qr.src = hall.qr_url;
    root.querySelector("[data-hall-pin]").textContent = hall.pin;
    root.querySelector("[data-hall-url]").textContent = global.location.host + hall.play_url;
    var status = [format(labels.players, { count: hall.players })];
    if (hall.phase === "reading" || hall.phase === "answering") status.unshift(labels.phases[hall.phase]);
    root.querySelector("[data-hall-status]").textContent = status.join(" · ");
    list(root.querySelector("[data-hall-top]"), hall.top.map(function (entry) {
      return entry.rank + ". " + entry.nickname + "  " + entry.score;
    }));
    root.querySelector("[data-hall-winners]").hidden = !hall.winners.length;
    list(root.querySelector("[data-hall-winner-list]"), hall.winners);
  }

  new global.LiveClient({
    url: root.dataset.socket,
    onSnapshot: render,
    onFrame: function (frame) { if (frame.type === "hall") render(frame); },
  });
}
