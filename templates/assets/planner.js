/* The planner page's script: a generic interpreter of the planner table the build embeds
   (script.pl-table inside each section.planner) with the words of the page's language beside it
   (script.pl-words). Every threshold comes from the table and every text and sentence from the
   words, so the page cannot disagree with `crossroads plan`; the table is the same in every
   language and plan links name no language. Without this script the page is a table of the rules
   to read. Nothing here touches the network. */
(function (root) {
  'use strict';

  // ---- Evaluation: pure, shared with Node (module.exports) for the conformance test. ----

  var own = Object.prototype.hasOwnProperty;
  function has(object, key) { return own.call(object, key); }
  function find(list, id) { for (var i = 0; i < list.length; i++) if (list[i].id === id) return list[i]; return null; }

  /* One pass: a value that looks like a hole stays as it is; an unknown hole is left as written. */
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (hole, name) { return has(values, name) ? String(values[name]) : hole; });
  }

  function holdsAll(conditions, values, asked) {
    return conditions.every(function (c) {
      var input = find(asked, c.input);
      if (!input || !has(values, input.id)) return false;
      var v = values[input.id];
      if (c.options) return v >= 0 && v < input.options.length && c.options.indexOf(input.options[v].id) >= 0;
      return (c.min === undefined || c.min <= v) && (c.max === undefined || v <= c.max);
    });
  }

  /* The inputs asked for these values, in order (Planner.askedInputs). */
  function askedInputs(table, values) {
    var asked = [];
    table.inputs.forEach(function (input) { if (holdsAll(input.when, values, asked)) asked.push(input); });
    return asked;
  }

  function monthName(table, month) { return fill(table.words.month, { month: table.months[month % 12], year: Math.floor(month / 12) }); }
  function monthText(month) { var m = month % 12 + 1; return Math.floor(month / 12) + '-' + (m < 10 ? '0' : '') + m; }

  /* The table with one language's words joined to it by id: the shape the functions below read. */
  function withWords(table, text) {
    function copy(object, extra) {
      var out = {}, key;
      for (key in object) out[key] = object[key];
      for (key in extra || {}) out[key] = extra[key];
      return out;
    }
    var joined = copy(table, { title: text.title, intro: text.intro, months: text.months, words: text.words });
    joined.sources = Object.keys(text.sources).map(function (id) { return copy(text.sources[id], { id: id }); });
    joined.inputs = table.inputs.map(function (input) {
      var own = text.inputs[input.id] || {};
      return copy(input, { label: own.label, help: own.help, unit: own.unit,
        options: input.options.map(function (o) { return { id: o.id, label: (own.options || {})[o.id] }; }) });
    });
    joined.rules = table.rules.map(function (rule) { return copy(rule, text.rules[rule.id]); });
    return joined;
  }

  function holes(rule, value) { return { value: value, from: rule.from, to: rule.to }; }

  /* Mirrors Planner.evaluate: values are input id -> whole number (a choice as its option index),
     today a month count (year × 12 + month − 1). Throws an Error with the command's words. */
  function evaluate(table, values, today) {
    var words = table.words, asked = askedInputs(table, values), used = {};
    asked.forEach(function (input) {
      if (!has(values, input.id)) throw new Error(fill(words.missing, { input: input.id, label: input.label }));
      var v = values[input.id];
      if (v < input.min || v > input.max) throw new Error(fill(words.outOfRange, { input: input.id, value: v, min: input.min, max: input.max }));
      used[input.id] = v;
    });
    var findings = [], checkpoints = [];
    table.rules.forEach(function (rule) {
      if (!holdsAll(rule.when, used, asked)) return;
      if (rule.measure === undefined) { findings.push({ rule: rule.id, status: 'note', text: rule.note }); return; }
      var input = find(asked, rule.measure);
      if (!input || !has(used, input.id)) return;
      var value = used[input.id];
      var status = value < rule.from ? 'before' : value <= rule.to ? 'within' : 'past';
      findings.push({ rule: rule.id, status: status, text: fill(rule[status], holes(rule, value)) });
      if (!input.grows) return;
      [['reaching', rule.from, rule.reaching], ['passing', rule.to + 1, rule.passing]].forEach(function (edge) {
        if (value >= edge[1]) return;
        var month = today + 12 * (edge[1] - value);
        checkpoints.push({ rule: rule.id, edge: edge[0], month: month, value: edge[1], order: checkpoints.length,
          text: fill(words.checkpoint, { date: monthName(table, month), text: fill(edge[2], holes(rule, edge[1])) }) });
      });
    });
    checkpoints.sort(function (a, b) { return a.month - b.month || a.order - b.order; });
    return { today: today, values: used, findings: findings, checkpoints: checkpoints };
  }

  /* The result as the lines `crossroads plan` prints (PlanResult.lines). */
  function lines(table, result) {
    var words = table.words, out = [fill(words.standing, { date: monthName(table, result.today) })];
    result.findings.forEach(function (f) {
      var rule = find(table.rules, f.rule);
      out.push('- ' + rule.title + ': ' + fill(words.cited, { text: f.text, source: find(table.sources, rule.source).short }));
    });
    out.push(words.checkpointsTitle);
    if (!result.checkpoints.length) out.push('- ' + words.noCheckpoints);
    result.checkpoints.forEach(function (c) { out.push('- ' + fill(words.cited, { text: c.text, source: find(table.sources, find(table.rules, c.rule).source).short })); });
    return out;
  }

  /* Mirrors Planner.readValues: [[id, text], ...] -> {values} or {message}. */
  function readValues(table, pairs) {
    var words = table.words, values = {};
    for (var i = 0; i < pairs.length; i++) {
      var id = pairs[i][0], text = pairs[i][1], input = find(table.inputs, id);
      if (!input) return { message: fill(words.unknownInput, { id: id, known: table.inputs.map(function (x) { return x.id; }).join(words.listSeparator) }) };
      if (input.kind === 'choice') {
        var index = -1;
        input.options.forEach(function (o, n) { if (index < 0 && o.id === text) index = n; });
        if (index < 0) return { message: fill(words.notAnOption, { input: id, text: text, options: input.options.map(function (o) { return o.id; }).join(words.listSeparator) }) };
        values[id] = index;
      } else {
        if (!/^-?[0-9]{1,15}$/.test(text)) return { message: fill(words.notWholeNumber, { input: id, text: text }) };
        values[id] = Number(text);
      }
    }
    return { values: values };
  }

  /* Values as text pairs in input order (Planner.textValues). */
  function textValues(table, values) {
    var pairs = [];
    table.inputs.forEach(function (input) {
      if (!has(values, input.id)) return;
      var v = values[input.id];
      if (input.kind === 'choice') { if (v >= 0 && v < input.options.length) pairs.push([input.id, input.options[v].id]); }
      else pairs.push([input.id, String(v)]);
    });
    return pairs;
  }

  /* A plan link: '#plan=v<version>:<id>=<value>,...', only in the fragment, never sent anywhere. */
  function formatFragment(table, values) {
    return '#plan=v' + table.version + ':' + textValues(table, values).map(function (p) { return p[0] + '=' + p[1]; }).join(',');
  }

  /* {values} for a link to this table; {error: 'version'|'damaged'} or {error: 'values', message};
     null when the fragment is not a plan link. */
  function parseFragment(table, fragment) {
    var match = /^#?plan=v(\d+):(.*)$/.exec(fragment || ''), text;
    if (!match) return /^#?plan=/.test(fragment || '') ? { error: 'damaged' } : null;
    if (Number(match[1]) !== table.version) return { error: 'version', version: Number(match[1]) };
    try { text = decodeURIComponent(match[2]); } catch (e) { return { error: 'damaged' }; }
    var pairs = [];
    var parts = text ? text.split(',') : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf('=');
      if (eq < 1) return { error: 'damaged' };
      pairs.push([parts[i].slice(0, eq), parts[i].slice(eq + 1)]);
    }
    var read = readValues(table, pairs);
    return read.values ? read : { error: 'values', message: read.message };
  }

  var api = { withWords: withWords, evaluate: evaluate, lines: lines, readValues: readValues, textValues: textValues, askedInputs: askedInputs,
    formatFragment: formatFragment, parseFragment: parseFragment, monthName: monthName, monthText: monthText };
  if (typeof module === 'object' && module.exports) module.exports = api;
  root.crossroadsPlanner = api;

  if (typeof document === 'undefined') return;

  // ---- The page. ----

  function el(name, text, className) {
    var node = document.createElement(name);
    if (text != null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function today() { var d = new Date(); return d.getFullYear() * 12 + d.getMonth(); }

  function start(section, handlesFragment) {
    var tableNode = section.querySelector('script.pl-table'), wordsNode = section.querySelector('script.pl-words'), table;
    try { table = JSON.parse(tableNode.textContent); if (table.format === 2) table = withWords(table, JSON.parse(wordsNode.textContent)); } catch (e) { return; }
    if (table.format !== 2) return; // an unknown table shape: leave the rules table alone
    var words = table.words;
    var form = section.querySelector('.pl-form'), result = section.querySelector('.pl-result');
    var problems = section.querySelector('.pl-problems'), note = el('p', null, 'pl-note');
    note.hidden = true;
    form.parentNode.insertBefore(note, form);
    function fieldOf(id) { return form.querySelector('[data-input="' + id + '"]'); }

    /* Reads the form in input order; an input is shown only while it is asked (askedInputs). */
    function read() {
      var values = {}, missing = [], wrong = [], asked = [];
      table.inputs.forEach(function (input) {
        var field = fieldOf(input.id), isAsked = holdsAll(input.when, values, asked);
        field.hidden = !isAsked;
        if (!isAsked) return;
        asked.push(input);
        if (input.kind === 'choice') {
          var checked = field.querySelector('input:checked');
          if (!checked) { missing.push(input); return; }
          values[input.id] = input.options.indexOf(find(input.options, checked.value));
          return;
        }
        var text = field.querySelector('input').value.trim();
        if (!text) { missing.push(input); return; }
        var r = readValues(table, [[input.id, text]]);
        if (r.message) { wrong.push(r.message); return; }
        var v = r.values[input.id];
        if (v < input.min || v > input.max) { wrong.push(fill(table.words.outOfRange, { input: input.id, value: v, min: input.min, max: input.max })); return; }
        values[input.id] = v;
      });
      return { values: values, missing: missing, wrong: wrong };
    }

    function setFragment(fragment) {
      if (!handlesFragment) return;
      if (root.history && history.replaceState) history.replaceState(null, '', fragment || location.pathname + location.search);
      // The language switcher takes the plan along: the link names no language.
      var links = document.querySelectorAll('.language-switcher a[hreflang]');
      for (var i = 0; i < links.length; i++) links[i].setAttribute('href', links[i].getAttribute('href').split('#')[0] + (fragment || ''));
    }

    /* Every change redraws at once, so the result never lags behind the answers or the address. */
    function update() {
      var state = read();
      problems.textContent = '';
      if (state.wrong.length || state.missing.length) {
        result.hidden = true;
        problems.hidden = false;
        state.wrong.forEach(function (m) { problems.appendChild(el('p', m.charAt(0).toUpperCase() + m.slice(1) + '.', 'pl-problem')); });
        if (state.missing.length) {
          problems.appendChild(el('p', fill(words.stillToAnswer, { inputs: state.missing.map(function (i) { return i.label; }).join(words.conditionSeparator) }), 'pl-missing'));
        }
        if (parseFragment(table, location.hash)) setFragment('');
        return;
      }
      problems.hidden = true;
      var r = evaluate(table, state.values, today()), out = lines(table, r);
      section.querySelector('.pl-today').textContent = monthName(table, r.today);
      var findings = result.querySelector('.pl-findings'), checkpoints = result.querySelector('.pl-checkpoints');
      findings.textContent = '';
      checkpoints.textContent = '';
      r.findings.forEach(function (f, i) {
        var rule = find(table.rules, f.rule), li = el('li', null, 'pl-finding pl-status-' + f.status);
        li.setAttribute('data-rule', f.rule);
        li.appendChild(el('strong', rule.title + ':'));
        li.appendChild(document.createTextNode(out[1 + i].slice(3 + rule.title.length)));
        findings.appendChild(li);
      });
      out.slice(r.findings.length + 2).forEach(function (line, i) {
        var li = el('li', line.slice(2), 'pl-checkpoint');
        if (r.checkpoints[i]) li.setAttribute('data-rule', r.checkpoints[i].rule);
        checkpoints.appendChild(li);
      });
      var fragment = formatFragment(table, state.values);
      section.querySelector('.pl-share-url').value = location.href.split('#')[0] + fragment;
      setFragment(fragment);
      result.hidden = false;
    }

    function fillForm(values) {
      table.inputs.forEach(function (input) {
        var field = fieldOf(input.id), has_ = has(values, input.id);
        if (input.kind === 'choice') {
          var radios = field.querySelectorAll('input[type=radio]');
          for (var i = 0; i < radios.length; i++) radios[i].checked = has_ && input.options[values[input.id]] && radios[i].value === input.options[values[input.id]].id;
        } else {
          field.querySelector('input').value = has_ ? String(values[input.id]) : '';
        }
      });
    }

    function openLink(link) {
      note.hidden = true;
      if (link.values) { fillForm(link.values); update(); return; }
      note.textContent = link.error === 'version' ? fill(words.refusedVersion, { linkVersion: link.version, version: table.version })
        : link.error === 'values' ? fill(words.refusedValues, { message: link.message }) : words.refusedDamaged;
      note.hidden = false;
      fillForm({});
      update();
    }

    section.classList.add('pl-js');
    section.querySelector('.pl-nojs').hidden = true;
    form.hidden = false;
    form.addEventListener('input', function () { note.hidden = true; update(); });
    form.addEventListener('change', function () { note.hidden = true; update(); });
    form.addEventListener('submit', function (event) { event.preventDefault(); });
    section.querySelector('.pl-copy').addEventListener('click', function () {
      var input = section.querySelector('.pl-share-url');
      input.select();
      if (navigator.clipboard) navigator.clipboard.writeText(input.value).catch(function () { /* selected for copying by hand */ });
    });
    var link = handlesFragment ? parseFragment(table, location.hash) : null;
    if (link) openLink(link); else update();
    if (handlesFragment) {
      root.addEventListener('hashchange', function () {
        var next = parseFragment(table, location.hash);
        if (next) openLink(next);
      });
    }
  }

  function startAll() {
    var sections = document.querySelectorAll('section.planner');
    for (var i = 0; i < sections.length; i++) start(sections[i], i === 0);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startAll); else startAll();
})(typeof window !== 'undefined' ? window : globalThis);
