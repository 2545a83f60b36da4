// Keyboard shortcuts for the review queue: j/k move between cards, a
// approves, r rejects, e opens the edit form, Ctrl+Enter saves it, Esc
// leaves it. Plain forms do the work; this only presses their buttons.
(function () {
  "use strict";
  var cards = Array.prototype.slice.call(document.querySelectorAll(".card"));
  var current = 0;
  function select(i) {
    if (!cards.length) return;
    current = Math.max(0, Math.min(cards.length - 1, i));
    cards.forEach(function (c, j) { c.classList.toggle("current", j === current); });
    cards[current].focus();
    cards[current].scrollIntoView({ block: "nearest" });
  }
  cards.forEach(function (c, i) { c.addEventListener("focusin", function () { current = i; }); });
  var refused = document.querySelector(".card .refused");
  select(refused ? cards.indexOf(refused.closest(".card")) : 0);

  // The keypress that follows a shortcut's keydown must not type into the
  // field the shortcut just focused (browsers driven over DevTools send it
  // even when keydown was cancelled).
  var swallow = "";
  document.addEventListener("keypress", function (e) {
    if (swallow && e.key === swallow) e.preventDefault();
    swallow = "";
  }, true);

  document.addEventListener("keydown", function (e) {
    var t = e.target;
    var typing = t && (t.tagName === "TEXTAREA" || t.tagName === "INPUT");
    if (typing) {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); t.form.requestSubmit(); }
      if (e.key === "Escape") { t.blur(); select(current); }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || !cards.length) return;
    var card = cards[current];
    switch (e.key) {
      case "j": select(current + 1); break;
      case "k": select(current - 1); break;
      case "a": card.querySelector("form.approve").requestSubmit(); break;
      case "r": card.querySelector("form.reject").requestSubmit(); break;
      case "e":
        var d = card.querySelector("details.edit");
        d.open = true;
        d.querySelector("textarea").focus();
        swallow = "e";
        break;
      default: return;
    }
    e.preventDefault();
  });
})();
