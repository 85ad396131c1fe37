// Ticket pages: print button, kiosk auto-return, a buzz when the visitor's turn is near.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) { window.print(); }
  });
  var back = document.querySelector("[data-return-after]");
  if (back) {
    window.setTimeout(function () { window.location.href = back.getAttribute("href"); },
      1000 * parseInt(back.getAttribute("data-return-after"), 10));
  }
  var buzzed = false;
  document.body.addEventListener("htmx:afterSwap", function () {
    var card = document.querySelector("#ticket-status [data-status]");
    if (!card) { return; }
    var near = card.getAttribute("data-almost") === "1" || card.getAttribute("data-status") === "called";
    if (near && !buzzed && navigator.vibrate) { navigator.vibrate([300, 150, 300]); buzzed = true; }
  });
})();
