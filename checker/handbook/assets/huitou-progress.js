/* The training page's first-week quiz progress, read from what mkdocs-quiz keeps in local
   storage ("quiz_progress_" + the quiz page's path -> {id: {answered, correct}}). */
(function () {
  "use strict";
  function stored(path) {
    try {
      var data = JSON.parse(localStorage.getItem("quiz_progress_" + path) || "{}");
      return data && typeof data === "object" ? data : {};
    } catch (e) {
      return {};
    }
  }
  function fill() {
    var box = document.querySelector(".hh-progress");
    if (!box) return;
    var answeredSum = 0;
    var correctSum = 0;
    box.querySelectorAll("tbody tr").forEach(function (row) {
      var link = row.querySelector("a[href]");
      var answeredEl = row.querySelector(".hh-answered");
      if (!link || !answeredEl) return;
      var quizzes = stored(new URL(link.href, window.location.href).pathname);
      var answered = 0;
      var correct = 0;
      Object.keys(quizzes).forEach(function (key) {
        if (quizzes[key] && quizzes[key].answered === true) answered += 1;
        if (quizzes[key] && quizzes[key].correct === true) correct += 1;
      });
      var total = parseInt(answeredEl.getAttribute("data-total"), 10) || 0;
      answered = Math.min(answered, total);
      correct = Math.min(correct, answered);
      answeredEl.textContent = String(answered);
      row.querySelector(".hh-correct").textContent = String(correct);
      answeredSum += answered;
      correctSum += correct;
    });
    var a = box.querySelector(".hh-answered-sum");
    var c = box.querySelector(".hh-correct-sum");
    if (a) a.textContent = String(answeredSum);
    if (c) c.textContent = String(correctSum);
    box.setAttribute("data-ready", "true");
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fill);
  } else {
    fill();
  }
  window.addEventListener("pageshow", fill);
})();
