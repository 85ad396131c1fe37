// Balai's small helpers. No inline scripts anywhere: the CSP forbids them.
document.addEventListener("click", function (event) {
  var el = event.target.closest("[data-confirm]");
  if (el && !window.confirm(el.getAttribute("data-confirm"))) {
    event.preventDefault();
    event.stopPropagation();
  }
});
document.addEventListener("submit", function (event) {
  // Prevent double submission: disable submit buttons once a form is sent.
  var form = event.target;
  if (form.hasAttribute("data-allow-resubmit")) { return; }
  window.setTimeout(function () {
    form.querySelectorAll("button[type=submit], button:not([type])").forEach(function (b) { b.disabled = true; });
  }, 0);
});
