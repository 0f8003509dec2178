/* Accessible names for Django admin widgets that render without one (found by the
   accessibility sweep, tests/browser/test_accessibility_sweep.py). Progressive enhancement:
   the admin works without it; with it, screen readers hear what each control is for. */
(function () {
  "use strict";

  function labelText(id) {
    var label = id && document.querySelector('label[for="' + id + '"]');
    return label ? label.textContent.replace(/[:*]\s*$/, "").trim() : "";
  }

  function name(element, text) {
    if (text && !element.getAttribute("aria-label") && !element.labels?.length) {
      element.setAttribute("aria-label", text);
    }
  }

  function fix() {
    // Tabular inlines: one column header per field, no <label> per cell.
    document.querySelectorAll(".tabular table").forEach(function (table) {
      table.querySelectorAll("td").forEach(function (cell) {
        var column = Array.from(cell.classList).find(function (c) { return c.startsWith("field-"); });
        var header = column && table.querySelector("th.column-" + column.slice(6));
        var headers = table.querySelectorAll("thead th");
        var last = headers.length ? headers[headers.length - 1].textContent.trim() : "";
        var text = header ? header.textContent.trim() : cell.classList.contains("delete") ? last : "";
        cell.querySelectorAll("input:not([type=hidden]), select, textarea").forEach(function (field) {
          name(field, text);
        });
      });
    });
    // Split date/time widgets: "Date:" / "Time:" are bare text before the inputs.
    document.querySelectorAll("p.datetime input").forEach(function (input) {
      var base = labelText(input.id.replace(/_[01]$/, "_0")) || labelText(input.id);
      var part = input.previousSibling && input.previousSibling.textContent
        ? input.previousSibling.textContent.replace(/:\s*$/, "").trim() : "";
      name(input, [base, part].filter(Boolean).join(" — "));
    });
    // select2 (autocomplete_fields): the combobox and its rendered value need the field's label.
    document.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var text = labelText(select.id);
      var container = select.nextElementSibling;
      if (!text || !container) return;
      container.querySelectorAll('[role="combobox"], [role="textbox"]').forEach(function (el) {
        el.removeAttribute("aria-labelledby");
        el.setAttribute("aria-label", text);
      });
    });
    // The front page's tables scroll inside their own box on a narrow screen: a box that
    // scrolls must be reachable by keyboard and say what it holds (its table's caption).
    document.querySelectorAll(".dashboard .module").forEach(function (box) {
      if (box.scrollWidth <= box.clientWidth || box.hasAttribute("tabindex")) return;
      var caption = box.querySelector("caption");
      box.setAttribute("tabindex", "0");
      if (!box.getAttribute("role") && caption) {
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", caption.textContent.replace(/\s+/g, " ").trim());
      }
    });
    // filter_horizontal: a decorative icon with aria-label needs a role to carry it.
    document.querySelectorAll(".help-tooltip[aria-label]:not([role])").forEach(function (icon) {
      icon.setAttribute("role", "img");
    });
  }

  var pending = false;
  function schedule() {
    if (pending) return;
    pending = true;
    window.setTimeout(function () { pending = false; fix(); }, 0);
  }

  fix();
  window.addEventListener("resize", schedule);
  window.addEventListener("load", function () {
    schedule();
    new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true });
  });
})();
