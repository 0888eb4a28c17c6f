/// The script every previewed page loads from /__crossroads/livereload.js.
///
/// It listens on /__crossroads/events: `reload` reloads the page, `css` swaps the stylesheets in
/// place (their names carry a content hash, so it reads the new names from a fresh copy of the
/// page), `error` shows the build problems over the page. Everything is built with DOM calls and
/// `textContent`, so nothing in an error message can become markup.
enum LiveReloadScript {
    /// The script, told which build was current when it was served: a page whose event stream
    /// connects only after a newer build then knows it is stale.
    static func source(server: String, build: Int) -> String {
        template.replacingOccurrences(of: "__CROSSROADS_SEEN__", with: "\"\(server)/\(build)\"")
    }

    private static let template = #"""
    (function () {
      "use strict";
      if (!window.EventSource) { return; }
      var overlayId = "crossroads-error-overlay";
      var lastSeen = __CROSSROADS_SEEN__;
      var events = new EventSource("/__crossroads/events");

      function removeOverlay() {
        var old = document.getElementById(overlayId);
        if (old) { old.parentNode.removeChild(old); }
      }

      function element(tag, text, styles) {
        var node = document.createElement(tag);
        if (text) { node.textContent = text; }
        Object.keys(styles || {}).forEach(function (key) { node.style[key] = styles[key]; });
        return node;
      }

      function showOverlay(problems) {
        removeOverlay();
        var overlay = element("div", "", {
          position: "fixed", inset: "0", zIndex: "2147483647", overflow: "auto", padding: "2rem",
          background: "rgba(20, 20, 24, 0.94)", color: "#f5f5f5",
          font: "15px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace"
        });
        overlay.id = overlayId;
        overlay.setAttribute("role", "alert");
        overlay.appendChild(element("h2", "Build failed \u2014 showing the last good build", {
          margin: "0 0 1rem", color: "#ff8a80", font: "bold 18px/1.4 system-ui, sans-serif"
        }));
        problems.forEach(function (problem) {
          var item = element("div", "", { margin: "0 0 1rem" });
          var where = problem.file || "";
          if (problem.line) { where += ":" + problem.line; }
          if (problem.line && problem.column) { where += ":" + problem.column; }
          item.appendChild(element("div", where, { color: "#80d8ff", fontWeight: "bold" }));
          item.appendChild(element("div", problem.message, { whiteSpace: "pre-wrap" }));
          if (problem.fix) { item.appendChild(element("div", "fix: " + problem.fix, { color: "#b9f6ca", whiteSpace: "pre-wrap" })); }
          overlay.appendChild(item);
        });
        overlay.appendChild(element("p", "Save a fix and this page updates by itself.", { opacity: "0.7" }));
        document.body.appendChild(overlay);
      }

      function swapStylesheets() {
        fetch(window.location.href, { cache: "no-store" })
          .then(function (response) { return response.text(); })
          .then(function (html) {
            var fresh = new DOMParser().parseFromString(html, "text/html");
            var wanted = fresh.querySelectorAll('link[rel="stylesheet"]');
            var current = document.querySelectorAll('link[rel="stylesheet"]');
            if (wanted.length !== current.length) { window.location.reload(); return; }
            current.forEach(function (link, index) {
              var href = wanted[index].getAttribute("href");
              if (link.getAttribute("href") !== href) { link.setAttribute("href", href); }
            });
            removeOverlay();
          })
          .catch(function () { window.location.reload(); });
      }

      events.addEventListener("hello", function (event) {
        var info = JSON.parse(event.data);
        var seen = info.server + "/" + info.build;
        // A reconnect after a restart or a missed build: the page on screen is stale.
        if (lastSeen !== seen) { window.location.reload(); return; }
        // Lets tests (and curious users) see that the page is listening.
        document.documentElement.setAttribute("data-crossroads-live", "connected");
      });
      events.addEventListener("reload", function () { window.location.reload(); });
      events.addEventListener("css", function (event) {
        var info = JSON.parse(event.data);
        lastSeen = lastSeen.split("/")[0] + "/" + info.build;
        swapStylesheets();
      });
      // EventSource also fires a plain "error" event when the connection drops; only ours carries data.
      events.addEventListener("error", function (event) {
        if (typeof event.data === "string") { showOverlay(JSON.parse(event.data).errors || []); }
      });
    })();
    """#
}
