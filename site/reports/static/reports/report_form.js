// The report form: fill latitude and longitude from the phone's location, if the reporter asks.
(function () {
  "use strict";
  var button = document.getElementById("use-location");
  var status = document.getElementById("location-status");
  var latitude = document.getElementById("id_latitude");
  var longitude = document.getElementById("id_longitude");
  if (!button || !latitude || !longitude || !navigator.geolocation) { return; }
  button.hidden = false;
  button.addEventListener("click", function () {
    status.textContent = button.dataset.waiting || "…";
    navigator.geolocation.getCurrentPosition(function (position) {
      latitude.value = position.coords.latitude.toFixed(6);
      longitude.value = position.coords.longitude.toFixed(6);
      status.textContent = "✓";
    }, function (error) {
      status.textContent = error.message;
    }, { enableHighAccuracy: true, timeout: 10000 });
  });
})();
