// TreEm: small progressive enhancements only; every page works without script.
document.addEventListener("DOMContentLoaded", function () {
  // Ask before actions that cannot be undone (buttons marked data-confirm).
  document.querySelectorAll("[data-confirm]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      if (!window.confirm(button.getAttribute("data-confirm"))) { event.preventDefault(); }
    });
  });
});
