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


  // ---- subscribe to progress notifications (a report and/or an incident going on now) ----
  var MOBILE = /^(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}$/;
  var CONSENT = '我同意将手机号/邮箱仅用于接收所选故障或报告的进展通知，处理结束或退订后即删除。';

  function activeIncidents() {
    return fetch('/api/announcements/active', { headers: { Accept: 'application/json' } })
      .then(function (res) { return res.ok ? res.json() : []; })
      .then(function (items) {
        var seen = {};
        return (Array.isArray(items) ? items : []).filter(function (a) {
          if (a.incidentId == null || a.kind !== 'INCIDENT' || seen[a.incidentId]) return false;
          seen[a.incidentId] = true;
          return true;
        });
      })
      .catch(function () { return []; });
  }

  /**
   * Shows the subscription form in #subscribe: the report (when known) and every incident in force are the targets
   * to choose from; phone and e-mail prefilled from what the visitor already typed; consent is a checkbox.
   */
  var subscribeShown = 0;

  function showSubscribe(opts) {
    var box = document.getElementById('subscribe');
    if (!box) return Promise.resolve();
    var mine = ++subscribeShown;
    return activeIncidents().then(function (incidents) {
      if (mine !== subscribeShown) return;   // a later call (report filed or found) owns the box
      var targets = [];
      if (opts.report) targets.push({ type: 'REPORT', id: opts.report, label: '故障报告 ' + opts.report + ' 的处理进展' });
      incidents.forEach(function (a) {
        targets.push({ type: 'INCIDENT', id: String(a.incidentId), label: '故障「' + a.title + '」的处理进展' });
      });
      box.textContent = '';
      if (!targets.length) { box.hidden = true; return; }
      box.appendChild(el('h2', '订阅进展通知'));
      box.appendChild(el('p', '有新进展或恢复时，通过短信或邮件通知您；每条通知里都有退订链接。', 'notice'));
      var form = el('form', null, 'form');
      form.id = 'subscribe-form';
      form.noValidate = true;
      var group = el('fieldset', null, 'targets');
      group.appendChild(el('legend', '订阅哪一项'));
      targets.forEach(function (t, i) {
        var label = el('label', null, 'choice');
        var radio = document.createElement('input');
        radio.type = 'radio';
        radio.name = 'target';
        radio.value = t.type + ':' + t.id;
        radio.checked = i === 0;
        label.appendChild(radio);
        label.appendChild(document.createTextNode(' ' + t.label));
        group.appendChild(label);
      });
      form.appendChild(group);
      form.appendChild(errorSlot('targetId'));
      form.appendChild(errorSlot('targetType'));
      var phone = input('sub-phone', 'phone', 'tel', '手机号码（11 位，可选）', '例如 13800138000');
      var email = input('sub-email', 'email', 'email', '电子邮箱（可选）', '例如 name@example.com');
      if (opts.phone && MOBILE.test(opts.phone.trim())) phone.field.value = opts.phone.trim();
      if (opts.email) email.field.value = opts.email.trim();
      [phone, email].forEach(function (f) { form.appendChild(f.label); form.appendChild(f.field); form.appendChild(errorSlot(f.name)); });
      var consentLabel = el('label', null, 'choice consent');
      var consent = document.createElement('input');
      consent.type = 'checkbox';
      consent.id = 'sub-consent';
      consent.name = 'consent';
      consentLabel.appendChild(consent);
      consentLabel.appendChild(document.createTextNode(' ' + CONSENT));
      form.appendChild(consentLabel);
      form.appendChild(errorSlot('consent'));
      form.appendChild(errorSlot('body'));
      var button = el('button', '订阅');
      button.type = 'submit';
      form.appendChild(button);
      var done = el('div', null, 'subscribed');
      done.setAttribute('aria-live', 'polite');
      box.appendChild(form);
      box.appendChild(done);
      box.hidden = false;
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        clearErrors(form);
        var chosen = form.querySelector('input[name="target"]:checked');
        var parts = (chosen ? chosen.value : ':').split(':');
        var body = {
          targetType: parts[0], targetId: parts.slice(1).join(':'),
          phone: phone.field.value.trim() || null, email: email.field.value.trim() || null,
          consent: consent.checked, source: opts.source
        };
        button.disabled = true;
        send('POST', '/api/notifications/subscriptions', body).then(function (r) {
          button.disabled = false;
          if (!r.ok) { showErrors(form, r.body, '订阅失败，请稍后再试。'); return; }
          var s = r.body;
          var to = [s.phone, s.email].filter(function (x) { return x; }).join('、');
          done.textContent = '';
          done.appendChild(el('p', (r.status === 201 ? '订阅成功' : '您已订阅过') + '：有新进展会通知 ' + to + '。每条通知里都有退订链接。'));
          var stop = el('button', '退订', 'secondary');
          stop.type = 'button';
          stop.addEventListener('click', function () {
            stop.disabled = true;
            send('DELETE', '/api/notifications/subscriptions/' + encodeURIComponent(s.unsubscribeToken)).then(function (u) {
              done.textContent = '';
              done.appendChild(el('p', u.ok ? '已退订，您的手机号和邮箱已删除。' : '退订失败，请使用通知里的退订链接。'));
              if (!u.ok) stop.disabled = false;
            });
          });
          done.appendChild(stop);
          form.hidden = true;
        }).catch(function () { button.disabled = false; showErrors(form, null, '网络异常，请检查网络后重试。'); });
      });
    });
  }

  function errorSlot(field) {
    var p = el('p', null, 'field-error');
    p.setAttribute('data-for', field);
    return p;
  }

  function input(id, name, type, labelText, placeholder) {
    var label = el('label', labelText);
    label.htmlFor = id;
    var field = document.createElement('input');
    field.id = id;
    field.name = name;
    field.type = type;
    field.maxLength = name === 'email' ? 254 : 30;
    field.placeholder = placeholder;
    return { label: label, field: field, name: name };
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
        showSubscribe({ report: r.body.trackingNumber, phone: body.phone, email: body.email, source: 'report-form' });
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
          var contact = form.contact.value.trim();
          if (p.stage !== 'CLOSED') {
            showSubscribe({ report: p.trackingNumber, phone: contact.indexOf('@') < 0 ? contact : null,
              email: contact.indexOf('@') >= 0 ? contact : null, source: 'tracking-page' });
          }
        }).catch(function () { showErrors(form, null, '网络异常，请检查网络后重试。'); });
    });
  }

  var report = document.getElementById('report-form');
  if (report) initReport(report);
  var track = document.getElementById('track-form');
  if (track) initTrack(track);
  // An incident going on now can be followed before (or without) filing or finding a report.
  if (report || track) showSubscribe({ source: report ? 'report-form' : 'tracking-page' });
})();
