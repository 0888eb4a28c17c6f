/* Crossroads search: runs in the page, no server and no library, also from file://.
   The build writes search-index.js, which names the parts of the index (window.crossroadsSearchIndex);
   they are loaded as scripts on the first search, so a page view downloads none of them. Index
   text is only ever put into the page through textContent, never parsed as HTML. */
(function () {
  "use strict";
  var d = document;
  var root = d.documentElement.getAttribute("data-root") || "";
  // The page's words for search (the theme strings search_*), printed by the page as JSON.
  var wording = {};
  try { wording = JSON.parse((d.getElementById("search-words") || {}).textContent || "{}"); } catch (e) { /* a page without them */ }
  var plurals = window.Intl && Intl.PluralRules ? new Intl.PluralRules(d.documentElement.lang || undefined) : null;
  var marks = /[\u0300-\u036f]/g;
  var splitter = /[^\p{L}\p{N}]+/u;
  var docs = null, failed = false, loading = false, waiting = [];

  function fold(s) { return s.normalize("NFD").replace(marks, "").toLowerCase(); }
  function words(s) { return fold(s || "").split(splitter).filter(Boolean); }

  function settle(ok) {
    failed = !ok;
    var callbacks = waiting;
    waiting = [];
    callbacks.forEach(function (f) { f(); });
  }

  // Token sets per field, built once every part is in.
  function index(parts) {
    var loaded = window.crossroadsSearchParts || [], pages = [];
    for (var i = 0; i < parts.length; i++) {
      if (!loaded[i]) return settle(false);
      pages = pages.concat(loaded[i]);
    }
    docs = pages.map(function (p) {
      // w: the words of a long page beyond the text kept for snippets (x).
      return { p: p, f: [words(p.t), words((p.h || []).concat(p.k || "").join(" ")), words(p.s), words(p.x + " " + (p.w || ""))] };
    });
    settle(true);
  }

  // Calls then() once the index is loaded or has failed to load.
  function ready(then) {
    if (docs || failed) return then();
    waiting.push(then);
    if (loading) return;
    var entry = window.crossroadsSearchIndex;
    if (!entry || !entry.parts) {
      // search-index.js is deferred after this file: it has run by the window's load event.
      if (d.readyState === "complete") return settle(false);
      loading = true;
      return window.addEventListener("load", function () { loading = false; ready(function () {}); });
    }
    loading = true;
    var parts = entry.parts, left = parts.length;
    if (!left) return index(parts);
    parts.forEach(function (path) {
      var script = d.createElement("script");
      script.src = root + path;
      script.onload = function () { if (--left === 0) index(parts); };
      script.onerror = function () { settle(false); };
      d.head.appendChild(script);
    });
  }

  var weights = [16, 8, 4, 1];

  // Every query word must hit some field; the last one may be a prefix (typing in progress).
  function search(query) {
    var q = words(query), all = docs, out = [];
    if (!q.length || !all) return out;
    all.forEach(function (doc) {
      var score = 0;
      for (var i = 0; i < q.length; i++) {
        var w = q[i], prefix = i === q.length - 1, best = 0;
        for (var f = 0; f < 4; f++) {
          var hit = doc.f[f].some(function (t) { return prefix ? t.indexOf(w) === 0 : t === w; });
          if (hit) best += weights[f];
        }
        if (!best) return;
        score += best;
      }
      out.push({ p: doc.p, score: score });
    });
    return out.sort(function (a, b) { return b.score - a.score || a.p.t.localeCompare(b.p.t); });
  }

  // Folded copy of text with a map back to original offsets, so marks land on the real text.
  function folded(text) {
    var s = "", map = [], i = 0;
    for (var ch of text) {
      var f = fold(ch);
      for (var k = 0; k < f.length; k++) { s += f[k]; map.push(i); }
      i += ch.length;
    }
    map.push(i);
    return { s: s, map: map };
  }

  // Ranges [start, end, word] in text where a token starts with one of the query words.
  function ranges(text, q) {
    var f = folded(text), found = [];
    q.forEach(function (w, n) {
      var at = 0;
      while ((at = f.s.indexOf(w, at)) !== -1) {
        if (at === 0 || splitter.test(f.s[at - 1])) found.push([f.map[at], f.map[at + w.length], n]);
        at += w.length;
      }
    });
    return found.sort(function (a, b) { return a[0] - b[0]; });
  }

  function highlight(el, text, q) {
    var pos = 0;
    ranges(text, q).forEach(function (r) {
      if (r[0] < pos) return;
      el.appendChild(d.createTextNode(text.slice(pos, r[0])));
      var m = d.createElement("mark");
      m.textContent = text.slice(r[0], r[1]);
      el.appendChild(m);
      pos = r[1];
    });
    el.appendChild(d.createTextNode(text.slice(pos)));
    return el;
  }

  // About 160 characters of body text around the match that has most query words near it.
  function snippet(p, q) {
    var text = p.x || "", all = ranges(text, q), r = all[0], best = 0;
    all.slice(0, 200).forEach(function (a) {
      var seen = {};
      all.forEach(function (b) { if (b[0] >= a[0] && b[0] < a[0] + 100) seen[b[2]] = 1; });
      var n = Object.keys(seen).length;
      if (n > best) { best = n; r = a; }
    });
    if (!r) return p.s || text.slice(0, 160);
    var start = Math.max(0, r[0] - 60), end = Math.min(text.length, start + 160);
    var space = text.indexOf(" ", start) + 1;
    if (start > 0 && space && space <= r[0]) start = space;
    if (end < text.length) end = text.lastIndexOf(" ", end) > r[1] ? text.lastIndexOf(" ", end) : end;
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  }

  function at(e, attrs) {
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  }

  function el(tag, cls, text) {
    var e = d.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function hit(a, r, q) {
    a.href = root + r.p.u;
    a.appendChild(highlight(el("span", "search-hit-title"), r.p.t, q));
    if (r.p.k) a.appendChild(el("span", "search-hit-kind", r.p.k));
    a.appendChild(highlight(el("span", "search-hit-snippet"), snippet(r.p, q), q));
    return a;
  }

  // A theme string with its {holes} filled.
  function say(key, values) {
    return (wording[key] || "").replace(/\{([a-z_]+)\}/g, function (hole, name) {
      return values && name in values ? String(values[name]) : hole;
    });
  }

  // "1 result", "12 results": search_result_<plural category of n>, else search_result_other.
  function plural(n) {
    var form = "search_result_" + (plurals ? plurals.select(n) : n === 1 ? "one" : "other");
    return say(wording[form] ? form : "search_result_other", { count: n });
  }

  // The search page: results for ?q= and for whatever is typed next.
  function searchPage(list) {
    var input = d.getElementById("search-page-input"), status = d.getElementById("search-status");
    function run() {
      var query = input.value.trim(), q = words(query);
      if (query && !docs && !failed) return ready(run);
      var results = search(query);
      list.textContent = "";
      results.forEach(function (r) {
        var li = el("li");
        li.appendChild(hit(el("a"), r, q));
        list.appendChild(li);
      });
      if (status) status.textContent = !query ? "" : failed ? say("search_failed") :
        say("search_status", { results: plural(results.length), query: query });
      try { history.replaceState(null, "", query ? "?q=" + encodeURIComponent(query) : location.pathname); } catch (e) { /* file:// may refuse */ }
    }
    input.value = new URLSearchParams(location.search).get("q") || "";
    input.addEventListener("input", run);
    input.form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
    run();
  }

  // The header box: an ARIA 1.2 combobox with a listbox of the best hits under it.
  function combobox(input) {
    var form = input.form, list = el("ul", "search-popup"), status = el("p", "visually-hidden");
    var options = [], active = -1;
    at(list, { id: "search-popup", role: "listbox", "aria-label": say("search_results_label") }).hidden = true;
    at(status, { role: "status" });
    at(input, { role: "combobox", "aria-autocomplete": "list", "aria-controls": list.id, "aria-expanded": "false" });
    form.appendChild(list);
    form.appendChild(status);

    function open(on) {
      list.hidden = !on;
      at(input, { "aria-expanded": on });
      if (!on) select(-1);
    }
    function select(i) {
      if (options[active]) at(options[active], { "aria-selected": false });
      active = i;
      if (options[i]) {
        at(options[i], { "aria-selected": true });
        at(input, { "aria-activedescendant": options[i].id });
        options[i].scrollIntoView({ block: "nearest" });
      } else input.removeAttribute("aria-activedescendant");
    }
    function option(a) {
      var li = at(el("li"), { id: "search-popup-" + options.length, role: "option", "aria-selected": false });
      a.tabIndex = -1;
      li.appendChild(a);
      list.appendChild(li);
      options.push(li);
    }
    function update() {
      var query = input.value.trim(), q = words(query);
      if (query && !docs && !failed) return ready(update);
      var results = search(query);
      list.textContent = "";
      options = [];
      active = -1;
      if (!query) { status.textContent = ""; return open(false); }
      results.slice(0, 8).forEach(function (r) { option(hit(el("a"), r, q)); });
      var more = el("a", "search-more", results.length ? say("search_all_results", { results: plural(results.length) }) : say("search_no_results"));
      more.href = form.action + "?q=" + encodeURIComponent(query);
      option(more);
      status.textContent = plural(results.length);
      open(true);
    }

    input.addEventListener("input", update);
    // Start loading the index as soon as someone is about to type.
    input.addEventListener("focus", function () { ready(function () {}); });
    input.addEventListener("keydown", function (e) {
      var n = options.length;
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        if (list.hidden) update();
        if (n) select(e.key === "ArrowDown" ? (active + 1) % n : (active <= 0 ? n : active) - 1);
      } else if (e.key === "Enter" && options[active]) {
        e.preventDefault();
        location.href = options[active].firstChild.href;
      } else if (e.key === "Escape") {
        if (!list.hidden) { e.preventDefault(); open(false); }
      }
    });
    form.addEventListener("focusout", function (e) {
      if (!form.contains(e.relatedTarget)) open(false);
    });
    d.addEventListener("keydown", function (e) {
      var t = e.target;
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
      e.preventDefault();
      input.focus();
      input.select();
    });
  }

  function start() {
    var results = d.getElementById("search-results"), box = d.getElementById("site-search-input");
    if (results) searchPage(results);
    if (box) combobox(box);
  }
  if (d.readyState === "loading") d.addEventListener("DOMContentLoaded", start);
  else start();
})();
