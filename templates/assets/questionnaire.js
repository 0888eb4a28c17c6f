/* The questionnaire page's script: a generic interpreter of the scoring table the build embeds
   (#scoring-table). Every number it uses (scale, weights, items, band edges, how many pulls to
   show) comes from that table, so the page cannot disagree with `crossroads score`. Without
   this script the page is still a complete paper questionnaire. Nothing here touches the network. */
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
    return {
      total: total, band: band, bandIndex: bandIndex, bands: bands,
      dimensions: dimensionTotals, dimensionList: dimList, contributions: contributions, strongestPulls: pulls,
      pointsBelowBand: bandIndex > 0 ? total - band.min + 1 : null,
      pointsAboveBand: bandIndex < bands.length - 1 ? band.max - total + 1 : null
    };
  }

  /* A result link: '#r=v<version>:<answers, comma-separated>'. Only the fragment, never a query,
     so the answers are never sent with a request. */
  function formatFragment(table, answers) {
    return '#r=v' + table.version + ':' + answers.join(',');
  }

  /* Returns {answers} for a fragment matching this table, {error} for a result link that does not,
     or null when the fragment is not a result link at all. */
  function parseFragment(table, fragment) {
    var match = /^#?r=v(\d+):([-\d,]*)$/.exec(fragment || '');
    if (!match) return /^#?r=/.test(fragment || '') ? { error: 'malformed' } : null;
    if (Number(match[1]) !== table.version) return { error: 'version', version: Number(match[1]) };
    var answers = match[2].split(',').map(Number);
    if (answers.length !== table.items.length || !answers.every(function (a) { return isAnswer(table, a); })) return { error: 'malformed' };
    return { answers: answers };
  }

  var api = { score: score, formatFragment: formatFragment, parseFragment: parseFragment };
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
    var section = $('qn'), form = $('qn-form'), tableNode = $('scoring-table');
    if (!section || !form || !tableNode) return;
    var table;
    try { table = JSON.parse(tableNode.textContent); } catch (e) { return; }
    if (table.format !== 1) return; // an unknown table shape: leave the paper form alone

    var store = openStore();
    var key = section.getAttribute('data-storage-key') || ('crossroads:' + table.id + ':v' + table.version);
    var modeKey = 'crossroads:questionnaire-mode';
    var count = table.items.length;
    var fieldsets = table.items.map(function (item) { return $('q-' + item.id); });
    var answers = table.items.map(function () { return null; });
    var state = { mode: store.get(modeKey) === 'all' ? 'all' : 'one', current: 0, shared: false };
    var live = $('qn-live'), result = $('qn-result'), note = $('qn-note');

    function answered() { return answers.filter(function (a) { return a !== null; }).length; }
    function complete() { return answered() === count; }
    function save(done) {
      if (state.shared) return; // someone else's result stays out of this visitor's saved answers
      store.set(key, JSON.stringify({ answers: answers, current: state.current, done: !!done }));
    }
    function say(text) { live.textContent = ''; root.setTimeout(function () { live.textContent = text; }, 50); }
    function showNote(text) { note.textContent = text; note.hidden = !text; }

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
        ? 'Statement ' + (state.current + 1) + ' of ' + count + ' · ' + done + ' answered'
        : done + ' of ' + count + ' answered';
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

    function firstUnanswered() { return answers.indexOf(null); }

    function showResult(focus) {
      var missing = firstUnanswered();
      if (missing >= 0) {
        say('Statement ' + (missing + 1) + ' has no answer yet.');
        if (state.mode === 'one') go(missing); else focusStatement(missing);
        return;
      }
      var r = score(table, answers);
      $('qn-band-label').textContent = r.band.label;
      $('qn-total').textContent = 'Your total is ' + r.total + ', on a range from ' + table.totals.min + ' to ' + table.totals.max +
        '. This result covers totals from ' + r.band.min + ' to ' + r.band.max + '.';
      var texts = result.querySelectorAll('.qn-band-text');
      for (var i = 0; i < texts.length; i++) texts[i].hidden = texts[i].getAttribute('data-band') !== r.band.id;
      result.hidden = false; // before drawing: the spectrum measures its box
      drawSpectrum(r);
      var edge = [];
      if (r.pointsBelowBand !== null) edge.push(r.pointsBelowBand + ' points fewer would give “' + r.bands[r.bandIndex - 1].label + '”');
      if (r.pointsAboveBand !== null) edge.push(r.pointsAboveBand + ' points more would give “' + r.bands[r.bandIndex + 1].label + '”');
      $('qn-edge').textContent = edge.length ? 'How close the edges are: ' + edge.join('; ') + '.' : '';
      var dl = $('qn-dimensions');
      dl.textContent = '';
      r.dimensionList.forEach(function (d) {
        dl.appendChild(el('dt', d.id));
        var dd = el('dd', d.total + ' of ' + d.max + ' ');
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
        li.appendChild(el('span', ' Statement ' + (c.index + 1) + ': you answered ' + c.answer + ', which pulled toward “' +
          (c.pull > 0 ? high : low).label + '”.', 'qn-pull-why'));
        ol.appendChild(li);
      });
      if (!r.strongestPulls.length) ol.appendChild(el('li', 'Every answer sat in the middle of the scale.'));
      var link = location.href.split('#')[0] + formatFragment(table, answers);
      $('qn-share-url').value = link;
      if (root.history && history.replaceState) history.replaceState(null, '', formatFragment(table, answers));
      result.hidden = false;
      save(true);
      say('Your result: ' + r.band.label + '. Total ' + r.total + ' of ' + table.totals.max + '.');
      if (focus) result.focus();
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
      chart.setAttribute('aria-label', 'Your total ' + r.total + ' on the range ' + lo + ' to ' + hi + ': ' +
        r.bands.map(function (b) { return b.label + ' ' + b.min + ' to ' + b.max; }).join(', '));
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
          t.textContent = b.min + '–' + b.max + ': ' + b.label;
        });
        height = 96 + 20 * (names.length - 1);
        chart.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
      }
      var mx = x(r.total) + span / size / 2;
      chart.appendChild(svg('path', { d: 'M' + (mx - 7) + ' 16 L' + (mx + 7) + ' 16 L' + mx + ' 30 Z', 'class': 'qn-marker' }));
      chart.appendChild(svg('line', { x1: mx, x2: mx, y1: 30, y2: 60, 'class': 'qn-marker-line' }));
      chart.appendChild(svg('text', { x: Math.max(left + 10, Math.min(width - left - 10, mx)), y: 12, 'class': 'qn-marker-label' }, String(r.total)));
    }

    function restart() {
      store.remove(key);
      state.shared = false;
      answers = answers.map(function () { return null; });
      setRadios();
      result.hidden = true;
      showNote('');
      if (root.history && history.replaceState) history.replaceState(null, '', location.pathname + location.search);
      say('Your answers were cleared.');
      go(0);
    }

    // Restore: a result link first, else this visitor's saved answers.
    var fromLink = parseFragment(table, location.hash);
    var resumeDone = false;
    if (fromLink && fromLink.answers) {
      answers = fromLink.answers;
      state.shared = true;
      state.current = count - 1;
      showNote('This is a result from a shared link. Your own saved answers are untouched until you change an answer here.');
    } else {
      if (fromLink) {
        showNote(fromLink.error === 'version'
          ? 'The result link was made for version ' + fromLink.version + ' of this questionnaire; the statements have changed since (this is version ' + table.version + '), so it cannot be shown. You can answer again below.'
          : 'The result link is damaged, so it cannot be shown. You can answer again below.');
      }
      try {
        var saved = JSON.parse(store.get(key) || 'null');
        if (saved && saved.answers && saved.answers.length === count) {
          answers = saved.answers.map(function (a) { return isAnswer(table, a) ? a : null; });
          state.current = Math.max(0, Math.min(count - 1, saved.current | 0));
          resumeDone = !!saved.done;
          if (answered() && !fromLink) showNote('Welcome back: your earlier answers were kept on this device. “Start over” clears them.');
        }
      } catch (e) { /* unreadable saved answers: start fresh */ }
    }

    section.classList.add('qn-js');
    $('qn-toolbar').hidden = false;
    $('qn-nav').hidden = false;
    setRadios();
    render();
    if (state.shared || (resumeDone && complete())) showResult(false);

    form.addEventListener('change', function (event) {
      var input = event.target, index = fieldsets.indexOf(input.closest('fieldset'));
      if (index < 0) return;
      answers[index] = Number(input.value);
      if (state.shared) { state.shared = false; showNote(''); }
      if (state.mode === 'one') state.current = index;
      save(false);
      render();
    });
    form.addEventListener('keydown', function (event) {
      // Enter on a chosen answer moves on, as Next would.
      if (event.key !== 'Enter' || event.target.type !== 'radio') return;
      event.preventDefault();
      if (state.mode === 'one' && state.current < count - 1) go(state.current + 1); else showResult(true);
    });
    form.addEventListener('submit', function (event) { event.preventDefault(); showResult(true); });
    // A frame sandboxed without allow-forms never fires submit: handle the button's click too.
    $('qn-submit').addEventListener('click', function (event) { event.preventDefault(); showResult(true); });
    $('qn-next').addEventListener('click', function () { go(state.current + 1); });
    $('qn-back').addEventListener('click', function () { go(state.current - 1); });
    $('qn-restart').addEventListener('click', restart);
    $('qn-edit').addEventListener('click', function () { go(state.mode === 'one' ? 0 : state.current); });
    $('qn-copy').addEventListener('click', function () {
      var input = $('qn-share-url');
      input.select();
      var done = function () { say('Link copied.'); };
      if (navigator.clipboard) navigator.clipboard.writeText(input.value).then(done, function () { say('Select the link and copy it.'); });
      else say('Select the link and copy it.');
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
