// tiqu review: selection, keyboard and verdicts on a document page; paging keys on the list.
// Text from records and sources is only ever inserted with textContent.
(function () {
  'use strict';

  function typing(ev) {
    var t = ev.target;
    return t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
  }
  function follow(id) {
    var a = document.getElementById(id);
    if (a && a.href) { window.location.href = a.href; }
  }

  var stateElement = document.getElementById('state');
  if (!stateElement) {
    document.addEventListener('keydown', function (ev) {
      if (ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
      if (ev.key === '/' && !typing(ev)) { ev.preventDefault(); document.getElementById('q').focus(); return; }
      if (typing(ev)) { return; }
      if (ev.key === 'j') { follow('next-page'); }
      if (ev.key === 'k') { follow('prev-page'); }
    });
    return;
  }

  var state = JSON.parse(stateElement.textContent);
  var items = state.items;
  var selected = -1;
  var cycle = {};
  var reviewerInput = document.getElementById('reviewer');
  var stored = window.localStorage && localStorage.getItem('tiqu.reviewer');
  if (stored) { reviewerInput.value = stored; }
  reviewerInput.addEventListener('change', function () {
    if (window.localStorage) { localStorage.setItem('tiqu.reviewer', reviewerInput.value.trim()); }
  });

  var segmentsOf = {};
  var evidenceOf = {};
  document.querySelectorAll('#text [data-r]').forEach(function (el) {
    el.dataset.r.split(' ').forEach(function (i) { (segmentsOf[i] = segmentsOf[i] || []).push(el); });
  });
  document.querySelectorAll('#text [data-ev]').forEach(function (el) {
    el.dataset.ev.split(' ').forEach(function (mark) {
      var i = mark.slice(0, -1);
      (evidenceOf[i] = evidenceOf[i] || []).push({ el: el, role: mark.slice(-1) });
    });
  });

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }
  function listItem(i) { return document.getElementById('rec-' + i); }

  var statusTimer = null;
  function say(message, isError) {
    var s = document.getElementById('status');
    s.textContent = message;
    s.className = 'status show' + (isError ? ' error' : '');
    clearTimeout(statusTimer);
    statusTimer = setTimeout(function () { s.className = 'status'; }, isError ? 6000 : 1800);
  }

  function verdictState(item) {
    var v = item.verdict;
    if (!v) { return ''; }
    return v.stale ? 'stale' : v.kind;
  }
  var BADGE = { correct: '✓', wrong: '✗', corrected: '✎', stale: '⚠', '': '' };

  function paintBadge(item) {
    var li = listItem(item.i);
    var badge = li.querySelector('.badge');
    var s = verdictState(item);
    badge.className = 'badge ' + s;
    badge.textContent = BADGE[s];
    badge.title = s ? (s === 'stale' ? item.verdict.stale : s) + ' (' + item.verdict.reviewer + ')' : 'no verdict yet';
    li.dataset.verdict = s;
  }

  function paintProgress() {
    var done = 0, stale = 0;
    items.forEach(function (it) {
      var s = verdictState(it);
      if (s === 'stale') { stale++; } else if (s) { done++; }
    });
    var p = document.getElementById('progress');
    p.textContent = done + '/' + items.length + ' reviewed' + (stale + state.orphans ? ', ' + (stale + state.orphans) + ' stale' : '');
    p.dataset.reviewed = done;
  }

  function row(dl, name, value) {
    dl.appendChild(el('dt', null, name));
    dl.appendChild(el('dd', null, value));
  }

  function paintDetail() {
    var box = document.getElementById('detail');
    box.textContent = '';
    if (selected < 0) { return; }
    var it = items[selected];
    var h = el('h2');
    h.appendChild(el('span', 'type t-' + it.type, it.type));
    h.appendChild(document.createTextNode(' '));
    h.appendChild(el('q', null, it.text));
    box.appendChild(h);
    var dl = el('dl');
    if (it.type !== 'METRIC') { row(dl, 'value', it.readable || 'as written'); }
    it.fields.forEach(function (f) { row(dl, f[0], f[1]); });
    row(dl, 'span', '[' + it.key.begin + ', ' + it.key.end + ')');
    if (it.evidence) {
      var ev = [];
      ['subject', 'period'].forEach(function (role) {
        var span = it.evidence[role];
        ev.push(role + ' ' + (span ? '[' + span[0] + ', ' + span[1] + ')' : '—'));
      });
      row(dl, 'evidence', ev.join(' · '));
    }
    row(dl, 'rule', it.rule + (it.rule_description ? ' — ' + it.rule_description : ''));
    if (!it.grounded) { row(dl, 'problem', 'text differs from the source at these offsets'); }
    var v = it.verdict;
    if (v) {
      row(dl, 'verdict', (v.stale ? 'stale ' : '') + v.kind + ' by ' + v.reviewer + ', ' + v.at.replace('T', ' ').replace(/\..*$/, '') + ' UTC');
      if (v.stale) { row(dl, 'why stale', v.stale); }
      if (v.corrected) { row(dl, 'corrected', v.corrected_readable); }
    } else {
      row(dl, 'verdict', 'none yet');
    }
    box.appendChild(dl);
    var actions = el('div', 'actions');
    [['c', 'correct'], ['w', 'wrong'], ['e', 'edit']].forEach(function (a) {
      var b = el('button', null, a[1] + ' (' + a[0] + ')');
      b.type = 'button';
      b.dataset.action = a[1];
      actions.appendChild(b);
    });
    box.appendChild(actions);
  }

  function select(i, scrollText) {
    if (i < 0 || i >= items.length) { return; }
    document.querySelectorAll('#text .sel, #text .ev-s, #text .ev-p, li.rec.active').forEach(function (e) {
      e.classList.remove('sel', 'ev-s', 'ev-p', 'active');
    });
    selected = i;
    document.body.dataset.selected = String(i);
    var li = listItem(i);
    li.classList.add('active');
    li.scrollIntoView({ block: 'nearest' });
    (segmentsOf[i] || []).forEach(function (s) { s.classList.add('sel'); });
    (evidenceOf[i] || []).forEach(function (m) { m.el.classList.add(m.role === 's' ? 'ev-s' : 'ev-p'); });
    var first = (segmentsOf[i] || [])[0];
    if (first && scrollText) { first.scrollIntoView({ block: 'center' }); }
    paintDetail();
  }

  function move(step, unreviewedOnly) {
    var i = selected;
    for (var n = 0; n < items.length; n++) {
      i = i + step;
      if (i < 0 || i >= items.length) { return; }
      if (!unreviewedOnly || verdictState(items[i]) === '' || verdictState(items[i]) === 'stale') { select(i, true); return; }
    }
  }

  function post(kind, corrected) {
    if (selected < 0) { say('select a record first', true); return; }
    var it = items[selected];
    var body = { doc: state.doc, key: it.key, verdict: kind, reviewer: reviewerInput.value.trim() };
    if (corrected) { body.corrected = corrected; }
    var at = selected;
    return fetch('/api/verdict', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin'
    }).then(function (r) {
      return r.json().then(function (j) { return { ok: r.ok, body: j }; });
    }).then(function (r) {
      if (!r.ok) { throw new Error(r.body.error || 'refused'); }
      var updated = r.body.item;
      items[at] = updated;
      paintBadge(updated);
      paintProgress();
      if (selected === at) { paintDetail(); }
      say(updated.verdict.kind + ': ' + updated.text);
      return true;
    }).catch(function (e) {
      say(e.message, true);
      return false;
    });
  }

  function judge(kind) {
    var at = selected;
    var p = post(kind);
    if (p) { p.then(function (ok) { if (ok && selected === at) { move(1, false); } }); }
  }

  // ---- the editor: a corrected record as JSON -----------------------------------------
  var editor = document.getElementById('editor');
  var editJson = document.getElementById('edit-json');
  var editError = document.getElementById('edit-error');

  function openEditor() {
    if (selected < 0) { say('select a record first', true); return; }
    var it = items[selected];
    var record = (it.verdict && it.verdict.corrected) || it.gold;
    editJson.value = JSON.stringify(record, null, 1);
    editError.textContent = '';
    editor.hidden = false;
    editor.dataset.for = String(selected);
    editJson.focus();
  }
  function closeEditor() {
    editor.hidden = true;
    if (document.activeElement === editJson) { editJson.blur(); }
  }
  function saveEditor() {
    var record;
    try {
      record = JSON.parse(editJson.value);
    } catch (e) {
      editError.textContent = 'not JSON: ' + e.message;
      return;
    }
    if (String(selected) !== editor.dataset.for) { select(Number(editor.dataset.for), false); }
    var at = selected;
    post('corrected', record).then(function (ok) {
      if (ok) {
        closeEditor();
        if (selected === at) { move(1, false); }
      } else {
        editError.textContent = document.getElementById('status').textContent;
      }
    });
  }
  editor.addEventListener('submit', function (ev) { ev.preventDefault(); saveEditor(); });
  document.getElementById('edit-cancel').addEventListener('click', closeEditor);
  editJson.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); saveEditor(); }
    if (ev.key === 'Escape') { ev.preventDefault(); closeEditor(); }
  });

  // A selection in the text, in code points, sets the edited record's span.
  function codePointAt(node, offset) {
    var holder = (node.nodeType === 3 ? node.parentElement : node);
    holder = holder && holder.closest('[data-b]');
    if (!holder) { return null; }
    var before = node.nodeType === 3 ? node.data.slice(0, offset) : '';
    return Number(holder.dataset.b) + Array.from(before).length;
  }
  document.addEventListener('selectionchange', function () {
    if (editor.hidden) { return; }
    var sel = window.getSelection();
    if (!sel || sel.isCollapsed || !document.getElementById('text').contains(sel.anchorNode)) { return; }
    var a = codePointAt(sel.anchorNode, sel.anchorOffset);
    var b = codePointAt(sel.focusNode, sel.focusOffset);
    if (a === null || b === null || a === b) { return; }
    try {
      var record = JSON.parse(editJson.value);
      record.begin = Math.min(a, b);
      record.end = Math.max(a, b);
      record.text = sel.toString();
      editJson.value = JSON.stringify(record, null, 1);
      editError.textContent = '';
    } catch (e) {
      editError.textContent = 'fix the JSON first, then select the span again';
    }
  });

  // ---- pointer --------------------------------------------------------------------------
  document.getElementById('text').addEventListener('click', function (ev) {
    var seg = ev.target.closest('[data-r]');
    if (!seg || !window.getSelection().isCollapsed) { return; }
    // The records covering this piece, innermost first; clicking again goes outwards.
    var ids = seg.dataset.r.split(' ').map(Number).sort(function (a, b) {
      var la = items[a].key.end - items[a].key.begin, lb = items[b].key.end - items[b].key.begin;
      return la - lb || a - b;
    });
    var key = seg.dataset.r;
    var next = ids[0];
    if (ids.indexOf(selected) >= 0 && cycle[key] === selected) {
      next = ids[(ids.indexOf(selected) + 1) % ids.length];
    }
    cycle[key] = next;
    select(next, false);
  });
  document.getElementById('records').addEventListener('click', function (ev) {
    var li = ev.target.closest('li.rec');
    if (li) { select(Number(li.dataset.i), true); }
  });
  document.getElementById('detail').addEventListener('click', function (ev) {
    var b = ev.target.closest('button[data-action]');
    if (!b) { return; }
    if (b.dataset.action === 'edit') { openEditor(); } else { judge(b.dataset.action); }
  });
  document.getElementById('help-button').addEventListener('click', function () {
    var help = document.getElementById('help');
    help.hidden = !help.hidden;
  });

  // ---- keyboard ---------------------------------------------------------------------------
  document.addEventListener('keydown', function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || typing(ev)) { return; }
    var handled = true;
    switch (ev.key) {
      case 'j': case 'ArrowDown': move(1, false); if (selected < 0) { select(0, true); } break;
      case 'k': case 'ArrowUp': move(-1, false); break;
      case 'u': move(1, true); break;
      case 'c': judge('correct'); break;
      case 'w': judge('wrong'); break;
      case 'e': openEditor(); break;
      case 'n': case ']': follow('next-doc'); break;
      case 'p': case '[': follow('prev-doc'); break;
      case 'l': follow('to-list'); break;
      case '?': document.getElementById('help').hidden = !document.getElementById('help').hidden; break;
      case 'Escape': document.getElementById('help').hidden = true; closeEditor(); break;
      default: handled = false;
    }
    if (handled) { ev.preventDefault(); }
  });

  items.forEach(paintBadge);
  paintProgress();
  document.body.dataset.ready = 'true';
})();
