// Wharf's one hand-written script: the live log follows new lines while the reader is at its end,
// and keeps at most MAX_LINES lines in the page (earlier ones come back with "Show earlier lines").
(function () {
  "use strict";
  var MAX_LINES = 5000;

  function atEnd(log) {
    return log.scrollHeight - log.scrollTop - log.clientHeight < 40;
  }

  function trim(log) {
    var lines = log.querySelectorAll(".l");
    var extra = lines.length - MAX_LINES;
    if (extra <= 0) {
      return;
    }
    for (var i = 0; i < extra; i++) {
      lines[i].remove();
    }
    var first = log.querySelector(".l");
    var button = log.querySelector("button.earlier");
    if (!button) {
      button = document.createElement("button");
      button.type = "button";
      button.className = "earlier";
      button.setAttribute("hx-swap", "outerHTML");
      button.textContent = "Show earlier lines";
      log.insertBefore(button, log.firstChild);
    }
    var runPath = location.pathname.replace(/\/$/, "");
    button.setAttribute("hx-get", runPath + "/log?before=" + first.getAttribute("data-o"));
    if (window.htmx) {
      window.htmx.process(button);
    }
  }

  function start() {
    var log = document.getElementById("log");
    if (!log) {
      return;
    }
    var follow = true;
    log.scrollTop = log.scrollHeight;
    log.addEventListener("scroll", function () {
      follow = atEnd(log);
    });
    document.body.addEventListener("htmx:sseBeforeMessage", function () {
      follow = atEnd(log);
    });
    document.body.addEventListener("htmx:sseMessage", function (event) {
      if (event.detail && event.detail.type && event.detail.type !== "line") {
        return;
      }
      trim(log);
      if (follow) {
        log.scrollTop = log.scrollHeight;
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
