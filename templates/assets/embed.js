/* Crossroads embed pages: tell the page that holds this iframe how tall the content is, so it can
   size the iframe without a scroll bar. Contract (docs/embedding.md):
     window.parent.postMessage({type: "crossroads:height", height: <CSS px>, path: "<page path>"}, "*")
   sent on load, whenever the content changes size (ResizeObserver), and after every answer or
   navigation in the questionnaire. The target origin is "*" because the page cannot know its host,
   and the message carries nothing private: a height and a public page path.
   Works in <iframe sandbox="allow-scripts">: it touches no storage, cookies or parent DOM. */
(function () {
  'use strict';
  if (window.parent === window) return;
  var html = document.documentElement;
  var path = html.getAttribute('data-embed-path') || '';
  var scheduled = false;

  function contentHeight() {
    var wrapper = document.querySelector('.crossroads-embed') || document.body;
    var box = wrapper.getBoundingClientRect();
    return Math.ceil(box.bottom + window.pageYOffset);
  }

  function post() {
    scheduled = false;
    window.parent.postMessage({ type: 'crossroads:height', height: contentHeight(), path: path }, '*');
  }

  /* Several changes in one frame (a result appearing, a fieldset hiding) send one message. */
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    (window.requestAnimationFrame || window.setTimeout)(post);
  }

  /* Links the questionnaire adds later open the full site in a new tab, like the built ones. */
  document.addEventListener('click', function (event) {
    var link = event.target && event.target.closest ? event.target.closest('a[href]') : null;
    if (!link || link.hasAttribute('target') || link.getAttribute('href').charAt(0) === '#') return;
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener');
  }, true);

  ['change', 'input', 'submit', 'reset', 'click', 'hashchange', 'resize'].forEach(function (name) {
    (name === 'hashchange' || name === 'resize' ? window : document).addEventListener(name, schedule);
  });
  if (window.ResizeObserver) {
    new ResizeObserver(schedule).observe(document.querySelector('.crossroads-embed') || document.body);
  }
  if (document.readyState === 'complete') post(); else window.addEventListener('load', post);
}());
