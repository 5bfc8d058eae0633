// The sandbox page's script, served as /sandbox/app.js. Plain ES5-style browser JavaScript kept in a
// string: no front-end build step. It only sends what the user did and places the HTML the server
// rendered; it polls the feed once a second (simple, and nothing to close on shutdown).
// (Written without backticks or template placeholders, since it lives inside a template string.)
export const SANDBOX_CLIENT_JS = String.raw`(function () {
  'use strict';
  var cfg = JSON.parse(document.getElementById('sandbox-config').textContent);
  var asSelect = document.getElementById('as');
  var langSelect = document.getElementById('lang');
  var statusEl = document.getElementById('status');
  var input = document.getElementById('command');
  var KEY = 'chatcrm.sandbox.as';
  var version = -1;
  var polling = false;
  var again = false;
  var timer = null;

  // The server drew the page for one member, in their language: open it for the one remembered.
  var wanted = new URLSearchParams(location.search).get('as') || localStorage.getItem(KEY);
  if (wanted && wanted !== cfg.as && cfg.members.indexOf(wanted) >= 0) {
    location.replace('/sandbox?as=' + encodeURIComponent(wanted));
    return;
  }
  function as() { return asSelect.value; }
  function rememberLang(l) {
    var year = '; path=/; SameSite=Strict; max-age=31536000';
    document.cookie = 'chatcrm_sandbox_lang.' + encodeURIComponent(as()) + '=' + encodeURIComponent(l) + year;
    document.cookie = 'chatcrm_sandbox_lang=' + encodeURIComponent(l) + year;
  }
  function setStatus(s) { statusEl.textContent = s || ''; }

  function api(path, body) {
    return fetch('/sandbox/api/' + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin'
    }).then(function (r) {
      // An answer that is not ours (a proxy's HTML error page) reads as "not answering", in the page's language.
      return r.json().then(function (j) {
        if (!r.ok) throw new Error(j.error || cfg.offline);
        return j;
      }, function () { throw new Error(cfg.offline); });
    }, function () { throw new Error(cfg.offline); });
  }

  function fragment(html) {
    var tpl = document.createElement('template');
    tpl.innerHTML = html;
    return tpl.content.firstElementChild;
  }

  // Redraws only messages whose revision changed, so open JSON toggles and half-typed forms stay.
  function placeMessages(list, messages) {
    var old = {};
    var keep = {};
    var added = false;
    Array.prototype.slice.call(list.children).forEach(function (c) { old[c.getAttribute('data-message-id')] = c; });
    messages.forEach(function (m, i) {
      keep[m.id] = true;
      var el = old[m.id];
      if (!el || el.getAttribute('data-rev') !== String(m.rev)) {
        var fresh = fragment(m.html);
        if (el) list.replaceChild(fresh, el);
        else added = true;
        el = fresh;
      }
      if (list.children[i] !== el) list.insertBefore(el, list.children[i] || null);
    });
    Object.keys(old).forEach(function (id) {
      if (!keep[id] && old[id].parentNode === list) list.removeChild(old[id]);
    });
    return added;
  }

  function placePanes(kind, panes) {
    var box = document.getElementById(kind + '-panes');
    var empty = document.querySelector('[data-empty-for="' + kind + '"]');
    var keep = {};
    panes.forEach(function (p, i) {
      keep[p.id] = true;
      var el = null;
      for (var c = box.firstElementChild; c; c = c.nextElementSibling) if (c.getAttribute('data-pane-id') === p.id) el = c;
      if (!el) {
        el = document.createElement('section');
        el.className = 'pane pane-' + kind;
        el.setAttribute('data-pane-id', p.id);
        var title = document.createElement('h3');
        title.className = 'pane-title';
        el.appendChild(title);
        var list = document.createElement('div');
        list.className = 'messages';
        el.appendChild(list);
      }
      // Move a pane only when it is out of place: moving it would take the focus out of a form.
      if (box.children[i] !== el) box.insertBefore(el, box.children[i] || null);
      if (el.firstElementChild.textContent !== p.title) el.firstElementChild.textContent = p.title;
      if (placeMessages(el.lastElementChild, p.messages)) el.lastElementChild.scrollTop = el.lastElementChild.scrollHeight;
    });
    Array.prototype.slice.call(box.children).forEach(function (c) {
      if (!keep[c.getAttribute('data-pane-id')]) box.removeChild(c);
    });
    if (empty) empty.hidden = panes.some(function (p) { return p.messages.length > 0; });
  }

  function refresh() {
    if (polling) { again = true; return; }
    polling = true;
    clearTimeout(timer);
    fetch('/sandbox/api/feed?as=' + encodeURIComponent(as()) + '&since=' + version, { credentials: 'same-origin' })
      .then(function (r) {
        if (!r.ok) throw new Error(r.statusText);
        return r.json();
      })
      .then(function (data) {
        if (statusEl.getAttribute('data-offline')) { statusEl.removeAttribute('data-offline'); setStatus(''); }
        if (data.unchanged) return;
        version = data.version;
        ['chat', 'dm', 'channel'].forEach(function (k) {
          placePanes(k, data.panes.filter(function (p) { return p.kind === k; }));
        });
        document.body.setAttribute('data-version', String(version));
      })
      .catch(function () {
        statusEl.setAttribute('data-offline', '1');
        setStatus(cfg.offline);
      })
      .then(function () {
        polling = false;
        if (again) { again = false; refresh(); }
        else timer = setTimeout(refresh, 1000);
      });
  }

  // Resolves true when the service took the request, false after showing why it did not.
  function send(path, body, el) {
    if (el) el.disabled = true;
    setStatus('');
    return api(path, body)
      .then(function (j) {
        // The member reads another language than the page (they typed /crm lang): follow them.
        if (j.reply && j.reply.locale && j.reply.locale !== cfg.locale) { rememberLang(j.reply.locale); location.reload(); }
        else refresh();
        return true;
      }, function (err) { setStatus(err.message); return false; })
      .then(function (ok) { if (el) el.disabled = false; return ok; });
  }

  function messageIdOf(el) {
    var m = el.closest('[data-message-id]');
    return m ? m.getAttribute('data-message-id') : undefined;
  }

  document.getElementById('command-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    // Cleared at once (no double send); given back if the service did not take it, so nothing typed is lost.
    input.value = '';
    send('command', { as: as(), text: text }).then(function (ok) { if (!ok && !input.value) input.value = text; });
  });

  // A textarea, so a pasted e-mail signature keeps its lines; Enter sends, Shift+Enter starts a new line.
  input.addEventListener('keydown', function (e) {
    if (e.key !== 'Enter' || e.shiftKey || e.isComposing) return;
    e.preventDefault();
    document.getElementById('command-form').requestSubmit();
  });

  document.addEventListener('click', function (e) {
    var b = e.target.closest ? e.target.closest('button') : null;
    if (!b) return;
    if (b.hasAttribute('data-action-id')) {
      send('action', { as: as(), actionId: b.getAttribute('data-action-id'), value: b.getAttribute('data-value') || '', messageId: messageIdOf(b) }, b);
    } else if (b.hasAttribute('data-form-cancel')) {
      send('form/cancel', { as: as(), messageId: messageIdOf(b) }, b);
    } else if (b.hasAttribute('data-job')) {
      var jobStatus = document.getElementById('jobs-status');
      b.disabled = true;
      api('jobs/' + encodeURIComponent(b.getAttribute('data-job')), { as: as() })
        .then(function (r) { jobStatus.textContent = r.message; refresh(); }, function (err) { jobStatus.textContent = err.message; })
        .then(function () { b.disabled = false; });
    } else if (b.hasAttribute('data-example')) {
      input.value = b.getAttribute('data-example');
      input.focus();
    }
  });

  document.addEventListener('submit', function (e) {
    var f = e.target;
    if (!f.hasAttribute('data-form-id')) return;
    e.preventDefault();
    var values = {};
    Array.prototype.forEach.call(f.elements, function (el) { if (el.name) values[el.name] = el.value; });
    send('form', { as: as(), formId: f.getAttribute('data-form-id'), metadata: f.getAttribute('data-metadata') || '', values: values, messageId: messageIdOf(f) }, f.querySelector('[type=submit]'));
  });

  var suggestTimer = null;
  document.addEventListener('input', function (e) {
    var el = e.target;
    if (!el.hasAttribute || !el.hasAttribute('data-suggest')) return;
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(function () {
      api('suggest', { as: as(), field: el.getAttribute('data-suggest'), query: el.value }).then(function (r) {
        var list = document.getElementById(el.getAttribute('list'));
        if (!list) return;
        list.textContent = '';
        (r.options || []).forEach(function (o) {
          var opt = document.createElement('option');
          opt.value = o.value;
          opt.textContent = o.label;
          list.appendChild(opt);
        });
      }, function () {});
    }, 250);
  });

  // Another member: the page again, in their language.
  asSelect.addEventListener('change', function () {
    localStorage.setItem(KEY, as());
    location.assign('/sandbox?as=' + encodeURIComponent(as()));
  });

  // The language is the chosen member's own setting: send the command, then show the page in it too.
  langSelect.addEventListener('change', function () {
    var l = langSelect.value;
    rememberLang(l);
    api('command', { as: as(), text: '/crm lang ' + l }).then(function () { location.reload(); }, function (err) { setStatus(err.message); });
  });

  refresh();
})();
`;
