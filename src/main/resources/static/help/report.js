// File a fault report (/help/report) and follow one (/help/track). Text from the server is set with textContent only.
(function () {
  'use strict';

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text != null) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  function time(iso) {
    if (!iso) return '';
    var d = new Date(iso);
    function two(n) { return (n < 10 ? '0' : '') + n; }
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + ' ' + two(d.getHours()) + ':' + two(d.getMinutes());
  }

  function clearErrors(form) {
    form.querySelectorAll('.field-error').forEach(function (p) { p.textContent = ''; });
  }

  function showErrors(form, body, fallback) {
    var errors = (body && body.errors) || [{ field: 'body', message: (body && body.error) || fallback }];
    errors.forEach(function (e) {
      var field = String(e.field || 'body').replace(/\[\d+\]$/, '');
      var slot = form.querySelector('.field-error[data-for="' + field + '"]') || form.querySelector('.field-error[data-for="body"]')
        || form.querySelector('.field-error:last-of-type');
      slot.textContent = (slot.textContent ? slot.textContent + ' ' : '') + e.message;
    });
  }

  function send(method, url, body) {
    return fetch(url, {
      method: method,
      headers: body ? { 'Content-Type': 'application/json', Accept: 'application/json' } : { Accept: 'application/json' },
      body: body ? JSON.stringify(body) : undefined
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (json) { return { ok: res.ok, status: res.status, body: json }; });
    });
  }

  function initReport(form) {
    var occurred = document.getElementById('occurredAt');
    var now = new Date(Date.now() - new Date().getTimezoneOffset() * 60000);
    occurred.max = now.toISOString().slice(0, 16);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      clearErrors(form);
      var numbers = form.invoiceNumbers.value.split(/[\s,，、;；]+/).filter(function (n) { return n; });
      var local = form.occurredAt.value;
      var body = {
        invoiceNumbers: numbers,
        invoiceType: form.invoiceType.value || null,
        occurredAt: local ? new Date(local).toISOString() : null,
        description: form.description.value,
        phone: form.phone.value.trim() || null,
        email: form.email.value.trim() || null
      };
      var button = form.querySelector('button');
      button.disabled = true;
      send('POST', '/api/fault-reports', body).then(function (r) {
        button.disabled = false;
        if (!r.ok) { showErrors(form, r.body, '提交失败，请稍后再试。'); return; }
        var box = document.getElementById('receipt');
        box.textContent = '';
        box.appendChild(el('h2', '报告已提交'));
        var p = el('p', '报告编号：');
        p.appendChild(el('strong', r.body.trackingNumber, 'tracking'));
        box.appendChild(p);
        box.appendChild(el('p', '当前阶段：' + r.body.stageLabel + '，预计 ' + time(r.body.dueAt) + ' 前完成这一步。'));
        box.appendChild(el('p', '请保存好报告编号，凭编号和联系方式可以随时查询处理进度。', 'notice'));
        var link = el('a', '查询处理进度');
        link.href = '/help/track?number=' + encodeURIComponent(r.body.trackingNumber);
        box.appendChild(link);
        box.hidden = false;
        form.hidden = true;
      }).catch(function () { button.disabled = false; showErrors(form, null, '网络异常，请检查网络后重试。'); });
    });
  }

  function initTrack(form) {
    var initial = new URLSearchParams(location.search).get('number');
    if (initial) form.trackingNumber.value = initial;
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      clearErrors(form);
      var number = form.trackingNumber.value.trim();
      if (!number) { showErrors(form, { errors: [{ field: 'trackingNumber', message: '请填写报告编号。' }] }); return; }
      var box = document.getElementById('progress');
      send('GET', '/api/fault-reports/' + encodeURIComponent(number) + '?contact=' + encodeURIComponent(form.contact.value.trim()))
        .then(function (r) {
          box.textContent = '';
          if (!r.ok) {
            box.hidden = true;
            showErrors(form, r.body, r.status === 404 ? '没有找到这份报告。' : '查询失败，请稍后再试。');
            if (r.status === 404 || r.status === 429) form.querySelector('.field-error[data-for="contact"]').textContent = r.body.error;
            return;
          }
          var p = r.body;
          box.appendChild(el('h2', '报告 ' + p.trackingNumber));
          box.appendChild(el('p', '当前阶段：' + p.stageLabel + (p.statusText ? '（' + p.statusText + '）' : ''), p.overdue ? 'overdue' : null));
          var ol = el('ol', null, 'timeline');
          p.stages.forEach(function (s) {
            var li = el('li', s.label, s.stage === p.stage ? 'current' : (s.doneAt ? 'done' : 'todo'));
            var meta = s.doneAt ? '完成于 ' + time(s.doneAt) : s.startedAt ? '开始于 ' + time(s.startedAt) + (s.dueAt ? '，预计 ' + time(s.dueAt) + ' 前完成' : '') : '';
            if (meta) li.appendChild(el('span', ' · ' + meta, 'meta'));
            ol.appendChild(li);
          });
          box.appendChild(ol);
          if (p.updates.length) {
            box.appendChild(el('h3', '处理进展'));
            var ul = el('ul');
            p.updates.forEach(function (u) { ul.appendChild(el('li', time(u.at) + '  ' + u.text)); });
            box.appendChild(ul);
          }
          box.appendChild(el('p', '提交于 ' + time(p.createdAt), 'notice'));
          box.hidden = false;
        }).catch(function () { showErrors(form, null, '网络异常，请检查网络后重试。'); });
    });
  }

  var report = document.getElementById('report-form');
  if (report) initReport(report);
  var track = document.getElementById('track-form');
  if (track) initTrack(track);
})();
