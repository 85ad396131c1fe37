// Display board: polls the board-state API, redraws, and announces each new call in Indonesian
// ("Nomor antrian A nol nol tujuh, silakan ke loket tiga"). After a network drop it retries with a
// growing delay (2 s … 30 s) and shows "menyambung ulang…" until the server answers again.
(function () {
  "use strict";
  var root = document.getElementById("board");
  if (!root) { return; }
  var url = root.getAttribute("data-state-url");
  var lastCall = parseInt(root.getAttribute("data-last-call") || "0", 10);
  var counterWord = root.getAttribute("data-t-counter") || "Loket";
  var offline = document.getElementById("board-offline");
  var spoken = document.getElementById("board-spoken");
  var soundButton = document.getElementById("board-sound");
  var soundOn = false;
  var delay = 2000;
  var BASE = 2000, MAX = 30000;
  var DIGITS = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"];

  function words(n) { // Indonesian number words up to 999
    var ones = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"];
    if (n < 12) { return ones[n] || "nol"; }
    if (n < 20) { return ones[n - 10] + " belas"; }
    if (n < 100) { return ones[Math.floor(n / 10)] + " puluh" + (n % 10 ? " " + ones[n % 10] : ""); }
    if (n < 200) { return "seratus" + (n % 100 ? " " + words(n % 100) : ""); }
    return ones[Math.floor(n / 100)] + " ratus" + (n % 100 ? " " + words(n % 100) : "");
  }

  function spell(number) { // "A-007" -> "A nol nol tujuh"
    var parts = [];
    number.split("").forEach(function (ch) {
      if (/[0-9]/.test(ch)) { parts.push(DIGITS[parseInt(ch, 10)]); }
      else if (/[A-Za-z]/.test(ch)) { parts.push(ch.toUpperCase()); }
    });
    return parts.join(" ");
  }

  function sentence(call) {
    return "Nomor antrian " + spell(call.number) + ", silakan ke loket " + words(call.counter);
  }
  window.balaiQueueSentence = sentence;

  function announce(call) {
    var text = sentence(call);
    spoken.textContent = text;
    spoken.setAttribute("data-count", String(parseInt(spoken.getAttribute("data-count") || "0", 10) + 1));
    var box = document.querySelector('[data-counter="' + call.counter + '"]');
    if (box) { box.classList.remove("flash"); void box.offsetWidth; box.classList.add("flash"); }
    if (!soundOn || !window.speechSynthesis) { return; }
    var utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = "id-ID";
    utterance.rate = 0.9;
    var voice = window.speechSynthesis.getVoices().filter(function (v) { return /^id/i.test(v.lang); })[0];
    if (voice) { utterance.voice = voice; }
    window.speechSynthesis.speak(utterance);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function render(state) {
    var counters = document.getElementById("board-counters");
    counters.textContent = "";
    state.counters.forEach(function (c) {
      var col = el("div", "col-6 col-md-4");
      var box = el("div", "board-counter");
      box.setAttribute("data-counter", c.number);
      box.appendChild(el("div", "label", c.label));
      box.appendChild(el("div", "number", c.ticket || "—"));
      col.appendChild(box);
      counters.appendChild(col);
    });
    var calls = document.getElementById("board-calls");
    calls.textContent = "";
    state.calls.forEach(function (call) {
      var li = el("li");
      li.appendChild(el("strong", "", call.number));
      li.appendChild(document.createTextNode(" → " + call.counter_label + " "));
      li.appendChild(el("span", "small opacity-75", call.at.slice(0, 5)));
      calls.appendChild(li);
    });
    var waiting = Object.keys(state.waiting).map(function (k) { return k + " " + state.waiting[k]; }).join(" · ");
    var w = document.getElementById("board-waiting");
    w.textContent = w.textContent.split(":")[0] + ": " + waiting;
    // Announce calls newer than the last one seen, oldest first.
    state.calls.slice().sort(function (a, b) { return a.id - b.id; }).forEach(function (call) {
      if (call.id > lastCall) { lastCall = Math.max(lastCall, call.id); announce(call); }
    });
  }

  function schedule(ms) { window.setTimeout(poll, ms); }

  function poll() {
    var controller = window.AbortController ? new AbortController() : null;
    var timer = window.setTimeout(function () { if (controller) { controller.abort(); } }, 8000);
    fetch(url, { headers: { "Accept": "application/json" }, cache: "no-store", signal: controller && controller.signal })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      })
      .then(function (state) {
        window.clearTimeout(timer);
        offline.hidden = true;
        delay = BASE;
        render(state);
        schedule(BASE);
      })
      .catch(function () {
        window.clearTimeout(timer);
        offline.hidden = false;
        delay = Math.min(delay * 2, MAX);
        schedule(delay);
      });
  }

  function tick() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    document.getElementById("board-clock").textContent = pad(now.getHours()) + ":" + pad(now.getMinutes());
  }

  soundButton.addEventListener("click", function () {
    soundOn = true;
    soundButton.textContent = root.getAttribute("data-t-sound-on");
    soundButton.disabled = true;
    if (window.speechSynthesis) { window.speechSynthesis.speak(new SpeechSynthesisUtterance("")); }
  });
  window.setInterval(tick, 1000);
  tick();
  schedule(BASE);
})();
