/* The header on a phone: the account links, search, language and main menu fold behind one
   "Menu" button (aria-expanded says whether they are open). Without this script everything
   stays open; on a wider screen the button is not shown and nothing is folded (site.css). */
(function () {
  "use strict";
  var header = document.querySelector(".site-header");
  var button = header && header.querySelector(".site-menu-button");
  if (!button) {
    return;
  }
  function show(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    header.classList.toggle("site-header--open", open);
  }
  header.classList.add("site-header--menu");
  show(false);
  button.addEventListener("click", function () {
    show(button.getAttribute("aria-expanded") !== "true");
  });
  header.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      show(false);
      button.focus();
    }
  });
})();
