// Town pickers: a search box above each select with data-filter-label; typing Chinese, pinyin
// initials or full pinyin ("tx", "tangxia", "塘下") hides the towns that do not match.
(function () {
  "use strict";
  document.querySelectorAll("select[data-filter-label]").forEach(function (select) {
    var box = document.createElement("input");
    box.type = "search";
    box.className = "town-filter";
    box.setAttribute("aria-label", select.dataset.filterLabel);
    box.placeholder = select.dataset.filterLabel;
    select.parentNode.insertBefore(box, select);
    box.addEventListener("input", function () {
      var needle = box.value.trim().toLowerCase().replace(/\s+/g, "");
      var shown = [];
      Array.prototype.forEach.call(select.options, function (option) {
        if (!option.value) { return; }
        var words = (option.dataset.pinyin || "").split(" ");
        var match = !needle || option.text.indexOf(box.value.trim()) !== -1 ||
          words.some(function (word) { return word.indexOf(needle) === 0; });
        option.hidden = !match;
        if (match) { shown.push(option); }
      });
      if (needle && shown.length === 1) { select.value = shown[0].value; }
    });
  });
})();
