/* The questionnaire page's script: a generic interpreter of the scoring table the build embeds
   (#scoring-table). Every number it uses (scale, weights, items, band edges, how many pulls to
   show) comes from that table, so the page cannot disagree with `crossroads score`; every word
   comes from the words of the page's language beside it (#qn-words). The table is the same in
   every language, and answers travel without a language, so a result reads the same in each.
   Without this script the page is still a complete paper questionnaire. Nothing here touches the network. */
(function (root) {
  'use strict';

  // ---- Scoring: pure, shared with Node (module.exports) for the conformance test. ----

  function isAnswer(table, value) {
    return typeof value === 'number' && value % 1 === 0 && value >= table.scale.min && value <= table.scale.max;
  }

  /* Mirrors Scoring's rules: points = weight × (reverse ? max − (answer − min) : answer); the band is
     the first (lowest) whose inclusive edges hold the total; a pull is 2·points − (minPoints + maxPoints),
     zero pulls dropped, largest |pull| first, ties in item order, strongestPullsLimit kept. */
  function score(table, answers) {
    var items = table.items, scale = table.scale;
    if (!answers || answers.length !== items.length || !answers.every(function (a) { return isAnswer(table, a); })) {
      throw new Error('need one answer from ' + scale.min + ' to ' + scale.max + ' for each of ' + items.length + ' statements');
    }
    var total = 0, dims = {}, dimList = [];
    table.dimensions.forEach(function (id) { dims[id] = { id: id, total: 0, min: 0, max: 0 }; dimList.push(dims[id]); });
    var contributions = items.map(function (item, index) {
      var answer = answers[index];
      var counted = item.reverse ? scale.max - (answer - scale.min) : answer;
      var points = item.weight * counted;
      var a = item.weight * scale.min, b = item.weight * scale.max;
      var c = { itemId: item.id, index: index, answer: answer, points: points, minPoints: Math.min(a, b), maxPoints: Math.max(a, b) };
      c.pull = 2 * c.points - (c.minPoints + c.maxPoints);
      total += points;
      var d = dims[item.dimension];
      if (d) { d.total += points; d.min += c.minPoints; d.max += c.maxPoints; }
      return c;
    });
    var bands = table.bands.slice().sort(function (x, y) { return x.min - y.min; });
    var bandIndex = -1;
    for (var i = 0; i < bands.length; i++) {
      if (bands[i].min <= total && total <= bands[i].max) { bandIndex = i; break; }
    }
    if (bandIndex < 0) throw new Error('no band holds the total ' + total);
    var band = bands[bandIndex];
    var pulls = contributions.filter(function (c) { return c.pull !== 0; }).sort(function (x, y) {
      return Math.abs(y.pull) - Math.abs(x.pull) || x.index - y.index;
    }).slice(0, table.strongestPullsLimit);
    var dimensionTotals = {};
    dimList.forEach(function (d) { dimensionTotals[d.id] = d.total; });
    var map = scoreMap(table, answers);
    return {
      pulls: map && map.pulls, region: map && map.region,
      total: total, band: band, bandIndex: bandIndex, bands: bands,
      dimensions: dimensionTotals, dimensionList: dimList, contributions: contributions, strongestPulls: pulls,
      pointsBelowBand: bandIndex > 0 ? total - band.min + 1 : null,
      pointsAboveBand: bandIndex < bands.length - 1 ? band.max - total + 1 : null
    };
  }

  /* Mirrors Scoring's Pull: forward-keyed statements pull toward mastery, reverse-keyed ones (before
     reversal) toward management, weight × (answer − scale.min) points each; percent = (200·points + max)
     div (2·max), in BigInt so it stays exact; the region is the first whose inclusive edges hold both. */
  function percent(points, max) {
    return max > 0 ? Number((200n * BigInt(points) + BigInt(max)) / (2n * BigInt(max))) : 0;
  }
  function scoreMap(table, answers) {
    if (!table.regions || !table.regions.length) return null;
    var scale = table.scale, pulls = { mastery: { points: 0, max: 0 }, management: { points: 0, max: 0 } };
    table.items.forEach(function (item, index) {
      var pull = item.reverse ? pulls.management : pulls.mastery;
      pull.points += item.weight * (answers[index] - scale.min);
      pull.max += item.weight * (scale.max - scale.min);
    });
    pulls.mastery.percent = percent(pulls.mastery.points, pulls.mastery.max);
    pulls.management.percent = percent(pulls.management.points, pulls.management.max);
    var region = table.regions.filter(function (r) {
      return r.mastery.min <= pulls.mastery.percent && pulls.mastery.percent <= r.mastery.max &&
        r.management.min <= pulls.management.percent && pulls.management.percent <= r.management.max;
    })[0];
    if (!region) throw new Error('no region holds the pulls ' + pulls.mastery.percent + ', ' + pulls.management.percent);
    return { pulls: pulls, region: region };
  }

  /* A result link: '#r=v<version>:<answers, comma-separated>'. Only the fragment, never a query,
     so the answers are never sent with a request. */
  function formatFragment(table, answers) {
    return '#r=v' + table.version + ':' + answers.join(',');
  }

  /* Fills a sentence from `words` (#qn-words, written by Swift's AnswerWording) in one pass; a
     hole with no value stays as written, as in Swift. */
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (hole, name) {
      return Object.prototype.hasOwnProperty.call(values || {}, name) ? String(values[name]) : hole;
    });
  }

  /* The table with the words of one language joined to it by id: the shape the page reads. */
  function withWords(table, text) {
    function join(list, words) {
      return (list || []).map(function (entry) {
        var joined = {}, key;
        for (key in entry) joined[key] = entry[key];
        var own = words[entry.id];
        if (typeof own === 'string') joined.text = own; else for (key in own) joined[key] = own[key];
        return joined;
      });
    }
    var joined = {}, key;
    for (key in table) joined[key] = table[key];
    joined.title = text.title;
    joined.intro = text.intro;
    joined.scale = { min: table.scale.min, max: table.scale.max, labels: (text.scale && text.scale.labels) || {} };
    joined.items = join(table.items, text.items);
    joined.bands = join(table.bands, text.bands);
    joined.regions = join(table.regions, text.regions);
    return joined;
  }

  var spaces = /^[\t\p{Zs}]+|[\t\p{Zs}]+$/gu, int64 = 9223372036854775807n;

  /* Reads answers as `crossroads score --answers` does and refuses them with its words: each part
     must be a whole number as Swift's Int reads it (a sign, ASCII digits, 64 bits), one per
     statement, on the scale. Returns {answers} or {message}. */
  function readAnswers(table, words, text) {
    var parts = text.split(','), values = [], n = table.items.length, min = table.scale.min, max = table.scale.max;
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i].replace(spaces, ''), big = /^[+-]?\d+$/.test(part) ? BigInt(part) : null;
      if (big === null || big > int64 || big < -int64 - 1n) return { message: fill(words.notWholeNumber, { position: i + 1, text: part }) };
      values.push(big);
    }
    function item(index) { return fill(words.itemReference, { number: index + 1, count: n, id: table.items[index].id }); }
    if (values.length < n) {
      var missing = [];
      for (var m = values.length; m < n; m++) missing.push(item(m));
      return { message: fill(words.missingAnswers, { items: missing.join(words.listSeparator), min: min, max: max }) };
    }
    if (values.length > n) {
      var surplus = values.length === n + 1 ? fill(words.oneExtraAnswer, { given: values.length })
        : fill(words.severalExtraAnswers, { first: n + 1, given: values.length });
      return { message: fill(words.extraAnswers, { given: values.length, count: n, surplus: surplus }) };
    }
    var off = [];
    values.forEach(function (v, index) {
      if (v < BigInt(min) || v > BigInt(max)) off.push(fill(words.outOfRangeAnswer, { answer: v, item: item(index) }));
    });
    if (off.length) return { message: fill(words.answersOutOfRange, { answers: off.join(words.listSeparator), min: min, max: max }) };
    return { answers: values.map(Number) };
  }

  /* Returns {answers} for a fragment matching this table; {error: 'version'}, {error: 'answers',
     message} or {error: 'damaged'} for a result link that cannot be shown; null when the fragment
     is not a result link at all. */
  function parseFragment(table, fragment, words) {
    var match = /^#?r=v(\d+):(.*)$/.exec(fragment || ''), text;
    if (!match) return /^#?r=/.test(fragment || '') ? { error: 'damaged' } : null;
    if (Number(match[1]) !== table.version) return { error: 'version', version: Number(match[1]) };
    try { text = decodeURIComponent(match[2]); } catch (e) { return { error: 'damaged' }; }
    var read = readAnswers(table, words, text);
    return read.answers ? read : { error: 'answers', message: read.message };
  }

  /* The language switcher's links take the result link's fragment along, so the same answers
     open in the other language (the fragment names no language). */
  function carryAnswers(fragment) {
    if (typeof document === 'undefined') return;
    var links = document.querySelectorAll('.language-switcher a[hreflang]');
    for (var i = 0; i < links.length; i++) {
      links[i].setAttribute('href', links[i].getAttribute('href').split('#')[0] + (fragment || ''));
    }
  }

  var api = { score: score, formatFragment: formatFragment, parseFragment: parseFragment, readAnswers: readAnswers, withWords: withWords, fill: fill };
  if (typeof module === 'object' && module.exports) module.exports = api;
  root.crossroadsScore = api;

  if (typeof document === 'undefined') return;

  // ---- The page. ----

  function $(id) { return document.getElementById(id); }
  function el(name, text, className) {
    var node = document.createElement(name);
    if (text != null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  /* localStorage throws in sandboxed iframes and some private modes: keep answers in memory then. */
  function openStore() {
    var memory = {};
    var fallback = {
      get: function (k) { return Object.prototype.hasOwnProperty.call(memory, k) ? memory[k] : null; },
      set: function (k, v) { memory[k] = v; },
      remove: function (k) { delete memory[k]; }
    };
    try {
      var ls = root.localStorage, probe = '__crossroads_probe__';
      ls.setItem(probe, probe);
      ls.removeItem(probe);
      return {
        get: function (k) { try { return ls.getItem(k); } catch (e) { return fallback.get(k); } },
        set: function (k, v) { try { ls.setItem(k, v); } catch (e) { fallback.set(k, v); } },
        remove: function (k) { try { ls.removeItem(k); } catch (e) { /* nothing stored */ } fallback.remove(k); }
      };
    } catch (e) {
      return fallback;
    }
  }

  function start() {
    var section = $('qn'), form = $('qn-form'), tableNode = $('scoring-table'), wordsNode = $('qn-words');
    if (!section || !form || !tableNode || !wordsNode) return;
    var table, text, words;
    try { table = JSON.parse(tableNode.textContent); text = JSON.parse(wordsNode.textContent); } catch (e) { return; }
    if (table.format !== 3) return; // an unknown table shape: leave the paper form alone
    table = withWords(table, text);
    words = text.words;
    function phrase(key, values) { return fill(words[key], values); }

    var store = openStore();
    var key = section.getAttribute('data-storage-key') || ('crossroads:' + table.id + ':v' + table.version);
    var modeKey = 'crossroads:questionnaire-mode';
    var count = table.items.length;
    var fieldsets = table.items.map(function (item) { return $('q-' + item.id); });
    var answers = table.items.map(function () { return null; });
    var state = { mode: store.get(modeKey) === 'all' ? 'all' : 'one', current: 0, shared: false, band: null };
    var live = $('qn-live'), result = $('qn-result'), note = $('qn-note'), heading = $('qn-result-title');
    // An embed page names the full questionnaire page, where a shared result belongs.
    var fullPage = document.documentElement.getAttribute('data-full-page');
    var missingBox = el('div', null, 'qn-missing');
    missingBox.id = 'qn-missing';
    missingBox.tabIndex = -1;
    missingBox.hidden = true;
    form.insertBefore(missingBox, $('qn-nav'));
    heading.tabIndex = -1;

    function answered() { return answers.filter(function (a) { return a !== null; }).length; }
    function complete() { return answered() === count; }
    function save(done) {
      if (state.shared) return; // someone else's result stays out of this visitor's saved answers
      store.set(key, JSON.stringify({ answers: answers, current: state.current, done: !!done }));
    }
    function savedAnswers() {
      try {
        var saved = JSON.parse(store.get(key) || 'null');
        if (saved && saved.answers && saved.answers.length === count) return saved;
      } catch (e) { /* unreadable saved answers: start fresh */ }
      return null;
    }
    function say(text) { live.textContent = ''; root.setTimeout(function () { live.textContent = text; }, 50); }
    /* A note above the form, with an optional button (the undo of "Start over"). */
    function showNote(text, action, run) {
      note.textContent = text;
      note.hidden = !text;
      if (!action) return;
      var button = el('button', action, 'qn-note-action');
      button.type = 'button';
      button.addEventListener('click', run);
      note.appendChild(document.createTextNode(' '));
      note.appendChild(button);
    }
    function setFragment(fragment) {
      if (root.history && history.replaceState) history.replaceState(null, '', fragment || location.pathname + location.search);
      carryAnswers(fragment);
    }

    function setRadios() {
      fieldsets.forEach(function (fs, i) {
        var inputs = fs.querySelectorAll('input[type=radio]');
        for (var j = 0; j < inputs.length; j++) inputs[j].checked = answers[i] !== null && Number(inputs[j].value) === answers[i];
      });
    }

    function render() {
      var one = state.mode === 'one';
      section.classList.toggle('qn-one', one);
      fieldsets.forEach(function (fs, i) { fs.hidden = one && i !== state.current; });
      $('qn-back').hidden = !one;
      $('qn-back').disabled = state.current === 0;
      $('qn-next').hidden = !one || state.current === count - 1;
      $('qn-submit').hidden = one && state.current !== count - 1;
      var done = answered();
      $('qn-progress-text').textContent = one
        ? phrase('progressOne', { number: state.current + 1, count: count, answered: done })
        : phrase('progressAll', { count: count, answered: done });
      $('qn-progress').value = done;
      var modes = document.getElementsByName('qn-mode');
      for (var i = 0; i < modes.length; i++) modes[i].checked = modes[i].value === state.mode;
    }

    function focusStatement(index) {
      var legend = fieldsets[index].querySelector('legend');
      legend.setAttribute('tabindex', '-1');
      legend.focus();
    }

    function go(index) {
      state.current = Math.max(0, Math.min(count - 1, index));
      save(false);
      render();
      focusStatement(state.current);
    }

    /* Every statement without an answer, listed where the buttons are, each a link to it. */
    function listMissing() {
      var missing = [];
      answers.forEach(function (a, i) { if (a === null) missing.push(i); });
      missingBox.textContent = '';
      missingBox.hidden = !missing.length;
      if (!missing.length) return missing;
      missingBox.appendChild(el('p', missing.length === 1 ? phrase('missingOne')
        : phrase('missingSeveral', { count: missing.length }), 'qn-missing-title'));
      var list = missingBox.appendChild(el('ul'));
      missing.forEach(function (i) {
        var link = el('a', phrase('missingLink', { number: i + 1, text: table.items[i].text }));
        link.href = '#' + fieldsets[i].id;
        link.addEventListener('click', function (event) {
          event.preventDefault();
          if (state.mode === 'one') go(i); else focusStatement(i);
        });
        list.appendChild(el('li')).appendChild(link);
      });
      return missing;
    }

    function hideResult() {
      result.hidden = true;
      state.band = null;
      if (parseFragment(table, location.hash, words)) setFragment('');
    }

    /* how: 'open' moves focus to the result's heading and announces it, 'update' follows an
       edited answer (announced only when the band changes), 'quiet' restores a finished result. */
    function showResult(how) {
      var missing = listMissing();
      if (missing.length) {
        hideResult();
        if (how === 'open') {
          say(phrase('missingAnnounce', { title: missingBox.firstChild.textContent,
            numbers: missing.map(function (i) { return i + 1; }).join(words.listSeparator) }));
          missingBox.focus();
        }
        return;
      }
      var r = score(table, answers);
      var bandChanged = state.band !== null && state.band !== r.band.id;
      state.band = r.band.id;
      $('qn-band-label').textContent = r.band.label;
      $('qn-total').textContent = phrase('total', { total: r.total, min: table.totals.min, max: table.totals.max, bandMin: r.band.min, bandMax: r.band.max });
      var texts = result.querySelectorAll('.qn-band-text');
      for (var i = 0; i < texts.length; i++) texts[i].hidden = texts[i].getAttribute('data-band') !== r.band.id;
      result.hidden = false; // before drawing: the spectrum measures its box
      drawSpectrum(r);
      var edge = [];
      if (r.pointsBelowBand !== null) edge.push(phrase('edgeBelow', { points: r.pointsBelowBand, label: r.bands[r.bandIndex - 1].label }));
      if (r.pointsAboveBand !== null) edge.push(phrase('edgeAbove', { points: r.pointsAboveBand, label: r.bands[r.bandIndex + 1].label }));
      $('qn-edge').textContent = edge.length ? phrase('edges', { edges: edge.join(words.edgeSeparator) }) : '';
      if (r.region) showMap(r);
      fillSheet(r);
      var dl = $('qn-dimensions');
      dl.textContent = '';
      r.dimensionList.forEach(function (d) {
        dl.appendChild(el('dt', d.id));
        var dd = el('dd', phrase('dimensionTotal', { total: d.total, max: d.max }) + ' ');
        var meter = el('meter');
        meter.min = d.min; meter.max = d.max; meter.value = d.total;
        meter.setAttribute('aria-hidden', 'true');
        dd.appendChild(meter);
        dl.appendChild(dd);
      });
      var low = r.bands[0], high = r.bands[r.bands.length - 1], ol = $('qn-pulls');
      ol.textContent = '';
      r.strongestPulls.forEach(function (c) {
        var li = el('li');
        li.appendChild(el('q', table.items[c.index].text));
        li.appendChild(el('span', ' ' + phrase('pullWhy', { number: c.index + 1, answer: c.answer, label: (c.pull > 0 ? high : low).label }), 'qn-pull-why'));
        ol.appendChild(li);
      });
      if (!r.strongestPulls.length) ol.appendChild(el('li', phrase('noPulls')));
      var page = fullPage ? new URL(fullPage, location.href).href.split('#')[0] : location.href.split('#')[0];
      $('qn-share-url').value = page + formatFragment(table, answers);
      setFragment(formatFragment(table, answers));
      save(true);
      if (how === 'open' || bandChanged) say(phrase('announce', { label: r.band.label, total: r.total, max: table.totals.max }));
      if (how === 'open') {
        result.scrollIntoView({ block: 'start' });
        heading.focus({ preventScroll: true });
      }
    }

    function svg(name, attrs, text) {
      var node = document.createElementNS('http://www.w3.org/2000/svg', name);
      for (var a in attrs) node.setAttribute(a, attrs[a]);
      if (text != null) node.textContent = text;
      return node;
    }

    /* The whole range of totals as one bar, a segment per band, each edge numbered, and a marker
       at the total. Geometry comes from the table's edges alone. Drawn at the box's own width so
       text keeps its size; band names that do not fit under their segment become a legend. */
    function drawSpectrum(r) {
      var box = $('qn-spectrum');
      box.textContent = '';
      var width = Math.max(280, Math.min(640, box.clientWidth || 640)), left = 16, span = width - 2 * left;
      var lo = table.totals.min, hi = table.totals.max, size = hi - lo + 1, height = 96;
      function x(value) { return left + span * (value - lo) / size; }
      var chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'class': 'qn-spectrum-svg' });
      chart.setAttribute('aria-label', phrase('spectrumLabel', { total: r.total, min: lo, max: hi,
        bands: r.bands.map(function (b) { return phrase('spectrumBand', { label: b.label, min: b.min, max: b.max }); }).join(words.listSeparator) }));
      box.appendChild(chart);
      var names = r.bands.map(function (b, i) {
        var current = i === r.bandIndex ? ' qn-seg-current' : '';
        chart.appendChild(svg('rect', { x: x(b.min), y: 34, width: x(b.max + 1) - x(b.min), height: 22, 'class': 'qn-seg qn-seg-' + (i % 2) + current }));
        chart.appendChild(svg('text', { x: x(b.min), y: 72, 'class': 'qn-edge-label' }, String(b.min)));
        return chart.appendChild(svg('text', { x: (x(b.min) + x(b.max + 1)) / 2, y: 88, 'class': 'qn-seg-label' + current }, b.label));
      });
      chart.appendChild(svg('text', { x: x(hi + 1), y: 72, 'class': 'qn-edge-label' }, String(hi)));
      var fits = names.every(function (t, i) { return t.getComputedTextLength() <= x(r.bands[i].max + 1) - x(r.bands[i].min) - 4; });
      if (!fits) {
        names.forEach(function (t, i) {
          var b = r.bands[i];
          t.setAttribute('x', left);
          t.setAttribute('y', 90 + 20 * i);
          t.classList.add('qn-legend-row');
          t.textContent = phrase('legendRow', { min: b.min, max: b.max, label: b.label });
        });
        height = 96 + 20 * (names.length - 1);
        chart.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
      }
      var mx = x(r.total) + span / size / 2;
      chart.appendChild(svg('path', { d: 'M' + (mx - 7) + ' 16 L' + (mx + 7) + ' 16 L' + mx + ' 30 Z', 'class': 'qn-marker' }));
      chart.appendChild(svg('line', { x1: mx, x2: mx, y1: 30, y2: 60, 'class': 'qn-marker-line' }));
      chart.appendChild(svg('text', { x: Math.max(left + 10, Math.min(width - left - 10, mx)), y: 12, 'class': 'qn-marker-label' }, String(r.total)));
    }

    /* The two pulls in words, the map with a dot where they meet, and the region's own texts. */
    function showMap(r) {
      var m = r.pulls.mastery.percent, g = r.pulls.management.percent, region = r.region;
      $('qn-pull-text').textContent = phrase('pullText', { mastery: m, management: g, label: region.label,
        masteryMin: region.mastery.min, masteryMax: region.mastery.max, managementMin: region.management.min, managementMax: region.management.max });
      var texts = result.querySelectorAll('.qn-region-text');
      for (var i = 0; i < texts.length; i++) texts[i].hidden = texts[i].getAttribute('data-region') !== region.id;
      var box = $('qn-map'), size = 360, left = 44, top = 8, span = size - left - 8;
      box.textContent = '';
      function x(p) { return left + span * p / 101; }
      function y(p) { return top + span - span * p / 101; }
      var chart = svg('svg', { viewBox: '0 0 ' + size + ' ' + (size + 28), role: 'img', 'class': 'qn-map-svg' });
      chart.setAttribute('aria-label', phrase('mapLabel', { mastery: m, management: g, label: region.label }));
      box.appendChild(chart);
      table.regions.forEach(function (reg, i) {
        var current = reg.id === region.id ? ' qn-seg-current' : '';
        var x0 = x(reg.mastery.min), x1 = x(reg.mastery.max + 1), y0 = y(reg.management.max + 1), y1 = y(reg.management.min);
        chart.appendChild(svg('rect', { x: x0, y: y0, width: x1 - x0, height: y1 - y0, 'class': 'qn-seg qn-seg-' + (i % 2) + current, 'data-region': reg.id }));
        // At the top of its region, so the dot (usually nearer the middle) leaves the words readable.
        chart.appendChild(svg('text', { x: (x0 + x1) / 2, y: y0 + 14, 'class': 'qn-map-label' + current }, reg.label));
      });
      chart.appendChild(svg('text', { x: left + span / 2, y: size + 22, 'class': 'qn-edge-label' }, phrase('mapAxisMastery')));
      chart.appendChild(svg('text', { x: 12, y: top + span / 2, 'class': 'qn-edge-label', transform: 'rotate(-90 12 ' + (top + span / 2) + ')' }, phrase('mapAxisManagement')));
      chart.appendChild(svg('circle', { cx: x(m + 0.5), cy: y(g + 0.5), r: 7, 'class': 'qn-map-dot', id: 'qn-map-dot' }));
    }

    /* The 1:1 sheet: printed on its own, with today's date from this browser. */
    function fillSheet(r) {
      var now = new Date(), pad = function (n) { return (n < 10 ? '0' : '') + n; };
      $('qn-sheet-meta').textContent = phrase('sheetMeta', { date: now.getFullYear() + '-' + pad(now.getMonth() + 1) + '-' + pad(now.getDate()),
        version: table.version });
      var text = phrase('sheetResult', { total: r.total, max: table.totals.max, label: r.band.label, bandMin: r.band.min, bandMax: r.band.max });
      if (r.region) {
        text += ' ' + phrase('sheetPulls', { mastery: r.pulls.mastery.percent, management: r.pulls.management.percent, label: r.region.label });
      }
      $('qn-sheet-result').textContent = text;
      var rows = $('qn-sheet-rows'), questions = $('qn-sheet-questions');
      rows.textContent = '';
      table.items.forEach(function (item, i) {
        var tr = rows.appendChild(el('tr'));
        tr.appendChild(el('td', String(i + 1)));
        tr.appendChild(el('td', item.text));
        tr.appendChild(el('td', String(answers[i])));
      });
      questions.textContent = '';
      ((r.region && r.region.discuss) || []).forEach(function (q) { questions.appendChild(el('li', q)); });
    }

    function restart() {
      var before = { answers: answers.slice(), current: state.current, shared: state.shared, shown: !result.hidden };
      store.remove(key);
      state.shared = false;
      answers = answers.map(function () { return null; });
      setRadios();
      hideResult();
      missingBox.hidden = true;
      setFragment('');
      showNote(phrase('cleared'), phrase('undo'), function () { undo(before); });
      say(phrase('clearedAnnounce'));
      go(0);
    }

    function undo(before) {
      answers = before.answers;
      state.current = before.current;
      state.shared = before.shared;
      showNote(before.shared ? sharedNote : '');
      setRadios();
      render();
      save(false);
      if (before.shown) showResult('open'); else focusStatement(state.current);
      say(phrase('restored'));
    }

    var sharedNote = phrase('sharedNote');

    function refusal(link) {
      if (link.error === 'version') return phrase('refusedVersion', { linkVersion: link.version, version: table.version });
      if (link.error === 'answers') return phrase('refusedAnswers', { message: link.message });
      return phrase('refusedDamaged');
    }

    /* This visitor's own answers, as saved on this device; whether they had seen their result. */
    function restoreOwn() {
      var saved = savedAnswers();
      answers = saved ? saved.answers.map(function (a) { return isAnswer(table, a) ? a : null; }) : answers.map(function () { return null; });
      state.current = saved ? Math.max(0, Math.min(count - 1, saved.current | 0)) : 0;
      state.shared = false;
      return !!(saved && saved.done);
    }

    /* A result link (on load or when the fragment changes in the same tab): its result, or why not. */
    function openLink(link) {
      if (link.answers) {
        answers = link.answers;
        state.shared = true;
        state.current = count - 1;
        showNote(sharedNote);
        setRadios();
        render();
        showResult('open');
        return;
      }
      if (state.shared) restoreOwn();
      result.hidden = true;
      state.band = null;
      missingBox.hidden = true;
      showNote(refusal(link));
      setRadios();
      render();
    }

    section.classList.add('qn-js');
    $('qn-toolbar').hidden = false;
    $('qn-nav').hidden = false;
    var fromLink = parseFragment(table, location.hash, words);
    if (fromLink) {
      if (!fromLink.answers) restoreOwn();
      openLink(fromLink);
    } else {
      var resumeDone = restoreOwn();
      if (answered()) showNote(phrase('welcomeBack'));
      setRadios();
      render();
      if (resumeDone && complete()) showResult('quiet');
    }

    root.addEventListener('hashchange', function () {
      var link = parseFragment(table, location.hash, words);
      if (link) { openLink(link); return; }
      // Back to the page's own address: someone else's result leaves with its link.
      if (state.shared && !location.hash) {
        var done = restoreOwn();
        showNote('');
        setRadios();
        render();
        if (done && complete()) showResult('quiet'); else hideResult();
      }
    });

    form.addEventListener('change', function (event) {
      var input = event.target, index = fieldsets.indexOf(input.closest('fieldset'));
      if (index < 0) return;
      answers[index] = Number(input.value);
      if (state.shared) state.shared = false;
      showNote('');
      if (state.mode === 'one') state.current = index;
      save(!result.hidden);
      render();
      // A shown result follows every edit at once: updated, or hidden while a statement is blank.
      if (!result.hidden) showResult('update');
      if (!missingBox.hidden) listMissing();
    });
    form.addEventListener('keydown', function (event) {
      // Enter on a chosen answer moves on, as Next would.
      if (event.key !== 'Enter' || event.target.type !== 'radio') return;
      event.preventDefault();
      if (state.mode === 'one' && state.current < count - 1) go(state.current + 1); else showResult('open');
    });
    form.addEventListener('submit', function (event) { event.preventDefault(); showResult('open'); });
    // A frame sandboxed without allow-forms never fires submit: handle the button's click too.
    $('qn-submit').addEventListener('click', function (event) { event.preventDefault(); showResult('open'); });
    $('qn-next').addEventListener('click', function () { go(state.current + 1); });
    $('qn-back').addEventListener('click', function () { go(state.current - 1); });
    $('qn-restart').addEventListener('click', restart);
    $('qn-edit').addEventListener('click', function () { go(state.mode === 'one' ? 0 : state.current); });
    $('qn-print-sheet').addEventListener('click', function () {
      var html = document.documentElement;
      html.classList.add('qn-sheet-mode');
      root.addEventListener('afterprint', function done() { html.classList.remove('qn-sheet-mode'); root.removeEventListener('afterprint', done); });
      root.print();
    });
    $('qn-copy').addEventListener('click', function () {
      var input = $('qn-share-url');
      input.select();
      var done = function () { say(phrase('copied')); };
      if (navigator.clipboard) navigator.clipboard.writeText(input.value).then(done, function () { say(phrase('copyByHand')); });
      else say(phrase('copyByHand'));
    });
    $('qn-toolbar').addEventListener('change', function (event) {
      if (event.target.name !== 'qn-mode') return;
      state.mode = event.target.value === 'all' ? 'all' : 'one';
      store.set(modeKey, state.mode);
      render();
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})(typeof window !== 'undefined' ? window : globalThis);
