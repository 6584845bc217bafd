/* Shared client of the live layer (docs/protocol.md, "Common").
 *
 * const client = new LiveClient({
 *   url: "/ws/contest/7/team/?code=ABC123",    // path; ws:// or wss:// is chosen from the page
 *   statusElement: document.querySelector("[data-live-status]"),  // shows "reconnecting"
 *   errorElement: document.querySelector("[data-live-error]"),    // shows typed errors
 *   onSnapshot(snapshot) {}, onFrame(frame) {}, onError(frame) {},
 *   errorText(frame) { return translated[frame.code] || frame.message; },   // optional
 * });
 * client.send("team.buzz", {});       client.serverNow()  // ms, corrected by the clock offset
 *
 * Reconnects with exponential backoff and jitter; every (re)connect brings a full snapshot.
 * Frames carrying a `version` older than the last applied one are dropped.
 */
(function (global) {
  "use strict";

  var BASE_DELAY = 500;
  var MAX_DELAY = 15000;
  var PING_SAMPLES = 5;
  // A sample this short bounds the clock offset within 50 ms; a busy moment at connect can make
  // every first sample slower, so sampling goes on (bounded) until one is this short.
  var GOOD_RTT = 100;
  var EXTRA_SAMPLES = 20;

  function LiveClient(options) {
    this.options = options;
    this.attempt = 0;
    this.version = -1;
    this.offset = 0; // server time - local time, ms
    this.bestRtt = Infinity;
    this.refCounter = 0;
    this.closedByUser = false;
    this.refused = false;
    this.connect();
  }

  LiveClient.prototype.socketUrl = function () {
    var url = this.options.url;
    if (/^wss?:/.test(url)) return url;
    var scheme = global.location.protocol === "https:" ? "wss://" : "ws://";
    return scheme + global.location.host + url;
  };

  LiveClient.prototype.setStatus = function (status) {
    this.status = status;
    var element = this.options.statusElement;
    if (element) {
      element.dataset.state = status;
      element.textContent = element.dataset["label" + status.charAt(0).toUpperCase() + status.slice(1)] || "";
      element.hidden = status === "open";
    }
    if (global.document && global.document.body) {
      global.document.body.classList.toggle("live-reconnecting", status === "reconnecting");
    }
    if (this.options.onStatus) this.options.onStatus(status);
  };

  LiveClient.prototype.connect = function () {
    var self = this;
    self.setStatus(self.attempt === 0 ? "connecting" : "reconnecting");
    var socket = new global.WebSocket(self.socketUrl());
    self.socket = socket;
    socket.onopen = function () {
      self.attempt = 0;
      self.setStatus("open");
      self.bestRtt = Infinity;
      for (var i = 0; i < PING_SAMPLES; i++) {
        global.setTimeout(function () { self.ping(); }, i * 200);
      }
      self.extraSamples = 0;
      global.clearTimeout(self.resampleTimer);
      self.resampleTimer = global.setTimeout(function () { self.resample(); }, PING_SAMPLES * 200 + 300);
      self.pingTimer = global.setInterval(function () { self.ping(); }, 30000);
    };
    socket.onmessage = function (event) {
      var frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      self.receive(frame);
    };
    socket.onclose = function (event) {
      global.clearInterval(self.pingTimer);
      global.clearTimeout(self.resampleTimer);
      if (self.closedByUser) return;
      // Refused seats (4403) do not come back by retrying; everything else does.
      if (event.code === 4403) { self.setStatus("refused"); return; }
      self.scheduleReconnect();
    };
  };

  LiveClient.prototype.scheduleReconnect = function () {
    var self = this;
    self.setStatus("reconnecting");
    var ceiling = Math.min(MAX_DELAY, BASE_DELAY * Math.pow(2, self.attempt));
    var delay = ceiling / 2 + Math.random() * ceiling / 2; // "equal jitter"
    self.attempt += 1;
    global.setTimeout(function () { self.connect(); }, delay);
  };

  LiveClient.prototype.receive = function (frame) {
    if (frame.type === "clock.pong") {
      var now = Date.now();
      var rtt = now - frame.client_time;
      if (rtt >= 0 && rtt <= this.bestRtt) {
        // The sample with the shortest round trip bounds the offset most tightly.
        this.bestRtt = rtt;
        this.offset = frame.server_time - (frame.client_time + now) / 2;
      }
      return;
    }
    if (frame.type === "error") {
      this.showError(frame);
      if (this.options.onError) this.options.onError(frame);
      return;
    }
    if (frame.type === "snapshot") {
      if (typeof frame.version === "number") this.version = frame.version;
      if (this.options.onSnapshot) this.options.onSnapshot(frame);
      return;
    }
    if (typeof frame.version === "number") {
      if (frame.version < this.version) return;
      this.version = frame.version;
    }
    if (this.options.onFrame) this.options.onFrame(frame);
  };

  LiveClient.prototype.showError = function (frame) {
    var element = this.options.errorElement;
    if (!element) return;
    element.textContent = this.options.errorText ? this.options.errorText(frame) : frame.message;
    element.dataset.code = frame.code;
    element.hidden = false;
    global.clearTimeout(this.errorTimer);
    this.errorTimer = global.setTimeout(function () { element.hidden = true; }, 6000);
  };

  // A refusal the user has since put right (a join that now went through) is not left on screen.
  LiveClient.prototype.clearError = function () {
    global.clearTimeout(this.errorTimer);
    if (this.options.errorElement) this.options.errorElement.hidden = true;
  };

  LiveClient.prototype.resample = function () {
    var self = this;
    if (self.bestRtt < GOOD_RTT || self.extraSamples >= EXTRA_SAMPLES || self.status !== "open") return;
    self.extraSamples += 1;
    self.ping();
    self.resampleTimer = global.setTimeout(function () { self.resample(); }, 500);
  };

  LiveClient.prototype.ping = function () {
    if (this.socket && this.socket.readyState === 1) {
      this.socket.send(JSON.stringify({ type: "clock.ping", client_time: Date.now() }));
    }
  };

  /* Send a message; returns its `ref` (echoed by errors about it), or null when not connected. */
  LiveClient.prototype.send = function (type, payload) {
    if (!this.socket || this.socket.readyState !== 1) {
      this.showError({ code: "not_connected", message: this.options.notConnectedMessage || "Not connected" });
      return null;
    }
    var message = Object.assign({ type: type, v: 1, ref: String(++this.refCounter) }, payload || {});
    this.socket.send(JSON.stringify(message));
    return message.ref;
  };

  LiveClient.prototype.serverNow = function () {
    return Date.now() + this.offset;
  };

  /* Milliseconds left until a server instant (never negative). */
  LiveClient.prototype.remaining = function (deadline) {
    return Math.max(0, deadline - this.serverNow());
  };

  LiveClient.prototype.close = function () {
    this.closedByUser = true;
    if (this.socket) this.socket.close();
  };

  global.LiveClient = LiveClient;
})(window);
