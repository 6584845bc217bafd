// The town and unit picker (core/organisations/picker.py): type Chinese, pinyin or initials
// ("ta" finds 塘下), pick a town, then a unit of that town; the hidden input holds the unit's id.
(function () {
  "use strict";

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  function fill(list, results, label, onPick) {
    list.textContent = "";
    results.forEach(function (item) {
      var li = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "unit-picker__option";
      button.textContent = label(item);
      button.addEventListener("click", function () { onPick(item); });
      li.appendChild(button);
      list.appendChild(li);
    });
  }

  function search(url, params, done) {
    var query = new URLSearchParams(params).toString();
    fetch(url + "?" + query, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) { done(data.results || []); })
      .catch(function () { done([]); });
  }

  function setUp(picker) {
    var value = picker.querySelector(".unit-picker__value");
    var chosen = picker.querySelector(".unit-picker__chosen");
    var town = picker.querySelector(".unit-picker__town");
    var unit = picker.querySelector(".unit-picker__unit");
    var townList = picker.querySelector(".unit-picker__town-options");
    var unitList = picker.querySelector(".unit-picker__unit-options");
    unit.disabled = !town.dataset.townId;

    var findUnits = debounce(function () {
      search(picker.dataset.unitsUrl, { town: town.dataset.townId, q: unit.value.trim() }, function (results) {
        fill(unitList, results, function (item) { return item.name; }, function (item) {
          value.value = item.id;
          unit.value = item.name;
          chosen.textContent = town.value + " · " + item.name;
          unitList.textContent = "";
        });
      });
    }, 150);

    var findTowns = debounce(function () {
      search(picker.dataset.townsUrl, { q: town.value.trim() }, function (results) {
        fill(townList, results, function (item) { return item.name; }, function (item) {
          town.value = item.name;
          town.dataset.townId = item.id;
          townList.textContent = "";
          value.value = "";
          unit.value = "";
          chosen.textContent = "";
          unit.disabled = false;
          unit.focus();
          findUnits();
        });
      });
    }, 150);

    town.addEventListener("input", function () {
      town.dataset.townId = "";
      value.value = "";
      unit.value = "";
      unit.disabled = true;
      chosen.textContent = "";
      findTowns();
    });
    town.addEventListener("focus", findTowns);
    unit.addEventListener("input", function () { value.value = ""; chosen.textContent = ""; findUnits(); });
    unit.addEventListener("focus", findUnits);
  }

  document.querySelectorAll(".unit-picker").forEach(setUp);
})();
