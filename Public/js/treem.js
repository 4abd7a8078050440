// TreEm: small progressive enhancements only; every page works without script.
document.addEventListener("DOMContentLoaded", function () {
  // Ask before actions that cannot be undone (buttons marked data-confirm).
  document.querySelectorAll("[data-confirm]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      if (!window.confirm(button.getAttribute("data-confirm"))) { event.preventDefault(); }
    });
  });

  // A unit chosen in a form brings its own agencies into the agency list at once (without
  // script, the server checks that the agency belongs to the unit and says so).
  // The unit is a list, or — when the caller sees the whole country — a code typed with suggestions.
  document.querySelectorAll("[data-agency-list]").forEach(function (units) {
    var agencies = document.getElementById(units.getAttribute("data-agency-list"));
    if (!agencies) { return; }
    units.addEventListener("change", function () {
      var code;
      if (units.tagName === "SELECT") {
        var chosen = units.options[units.selectedIndex];
        code = chosen ? chosen.getAttribute("data-code") : null;
      } else {
        code = units.value.trim();
        if (code.toUpperCase() === "VN") { code = null; }
      }
      var none = agencies.options[0];
      while (agencies.options.length > 1) { agencies.remove(1); }
      agencies.value = "";
      if (!code) { return; }
      agencies.disabled = true;
      fetch("/units/" + encodeURIComponent(code) + "/agency-options", { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (options) {
          options.forEach(function (option) {
            var element = document.createElement("option");
            element.value = option.value;
            element.textContent = option.label;
            agencies.appendChild(element);
          });
        })
        .catch(function () { /* the list stays with "none"; the server still checks */ })
        .then(function () { agencies.disabled = false; if (none) { agencies.value = ""; } });
    });
  });
});
