// Fills the empty <datalist> of an input with data-datalist-src (core/widgets.py DatalistInput) from that
// JSON URL ({"names": [...]}) the first time the input gets focus. The browser caches the JSON, so pages
// do not carry hundreds of options; without JavaScript the input is a plain text field.
(function () {
  "use strict";

  function fill(input) {
    var list = input.list;
    var source = input.getAttribute("data-datalist-src");
    if (!list || !source || input.hasAttribute("data-datalist-loaded")) {
      return;
    }
    input.setAttribute("data-datalist-loaded", "");
    fetch(source, { credentials: "omit", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : { names: [] };
      })
      .then(function (data) {
        var fragment = document.createDocumentFragment();
        (data.names || []).forEach(function (name) {
          var option = document.createElement("option");
          option.value = name;
          fragment.appendChild(option);
        });
        list.appendChild(fragment);
      })
      .catch(function () {
        input.removeAttribute("data-datalist-loaded");
      });
  }

  function setUp() {
    document.querySelectorAll("input[data-datalist-src]").forEach(function (input) {
      input.addEventListener("focus", function () { fill(input); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
