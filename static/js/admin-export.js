// The export form of django-import-export: its "select all" box has a <label for> without a
// matching id (no accessible name) and an inline onchange, which the Content-Security-Policy
// blocks. Name the box after the label beside it and wire the same handler from this file.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("input.select-toggle").forEach(function (box, index) {
    var label = box.parentElement && box.parentElement.querySelector("label");
    if (!box.id) {
      box.id = index ? "select-all-toggle-" + index : "select-all-toggle";
    }
    if (label) {
      label.setAttribute("for", box.id);
      box.setAttribute("aria-label", label.textContent.trim());
    }
    if (typeof window.onSelectToggleChange === "function") {
      box.addEventListener("change", window.onSelectToggleChange);
    }
  });
});
