// Adds blank rows to a formset on the page without a round trip: clones the row template and counts the new
// row in the management form's TOTAL_FORMS. Without JavaScript the "add 10 rows" button asks the server instead.
(function () {
  "use strict";

  function setUp(fieldset) {
    var prefix = fieldset.getAttribute("data-formset");
    var max = parseInt(fieldset.getAttribute("data-formset-max"), 10);
    var total = fieldset.querySelector('input[name="' + prefix + '-TOTAL_FORMS"]');
    var rows = fieldset.querySelector("[data-formset-rows]");
    var template = fieldset.querySelector("template[data-formset-template]");
    var addOne = fieldset.querySelector("[data-formset-add]");
    var addMany = fieldset.querySelector("[data-formset-add-many]");
    if (!total || !rows || !template || !addOne) {
      return;
    }

    function count() {
      return parseInt(total.value, 10) || 0;
    }

    function refresh() {
      var full = count() >= max;
      addOne.disabled = full;
      if (addMany) {
        addMany.disabled = full;
      }
    }

    function add(number) {
      var first = null;
      for (var i = 0; i < number && count() < max; i++) {
        var index = count();
        var holder = document.createElement("div");
        holder.innerHTML = template.innerHTML.replace(/__prefix__/g, String(index));
        var row = holder.firstElementChild;
        rows.appendChild(row);
        total.value = String(index + 1);
        first = first || row;
      }
      refresh();
      var field = first && first.querySelector("input:not([type=hidden]), textarea, select");
      if (field) {
        field.focus();
      }
    }

    addOne.hidden = false;
    addOne.addEventListener("click", function () {
      add(1);
    });
    if (addMany) {
      addMany.addEventListener("click", function (event) {
        event.preventDefault();
        add(parseInt(addMany.getAttribute("data-formset-add-many"), 10) || 1);
      });
    }
    refresh();
  }

  var formsets = document.querySelectorAll("[data-formset]");
  for (var i = 0; i < formsets.length; i++) {
    setUp(formsets[i]);
  }
})();
