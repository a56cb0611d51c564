// Staff page: publish/change/end announcements, open incidents, link fault reports, move incidents through the
// four-phase timeline; admins also see notification deliveries waiting for a retry. Text via textContent only.
(function () {
  'use strict';
  const $ = function (id) { return document.getElementById(id); };
  const KIND = { MAINTENANCE: '维护通知', INCIDENT: '故障通报', RECOVERY: '恢复通知', NOTICE: '通知' };
  const STATUS = { ACTIVE: '展示中', SCHEDULED: '待生效', ENDED: '已结束' };
  const AFFECTS = { ISSUE_INVOICE: '开具发票', QUERY_HISTORY: '查询历史记录', VERIFY_INVOICE: '发票查验', FINANCE: '财务操作',
    TAX_FILING_API: '税务申报接口', LOGIN: '登录' };
  const STAGE = { CONFIRMING: '确认问题', REPAIRING: '修复中', TESTING: '测试验证', NOTIFYING: '通知用户', CLOSED: '已关闭' };
  const api = ConsoleApi.api;
  const cell = ConsoleApi.cell;
  let announcements = [];

  function say(text) { $('message').textContent = text || ''; }
  function when(iso) {
    if (!iso) return '';
    return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  }
  // datetime-local value in Beijing time, without offset (the server reads it as Beijing time).
  function local(iso) {
    if (!iso) return '';
    const d = new Date(new Date(iso).getTime() + 8 * 3600 * 1000);
    return d.toISOString().slice(0, 16);
  }

  function button(label, action) {
    return ConsoleApi.button(label, action, function () { say(''); return load(); }, say);
  }

  function checkboxes(fieldset, prefix) {
    Object.keys(AFFECTS).forEach(function (key) {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox'; box.value = key; box.name = prefix + '-affects';
      label.appendChild(box); label.appendChild(document.createTextNode(' ' + AFFECTS[key] + ' '));
      fieldset.appendChild(label);
    });
  }
  function checked(prefix) {
    return Array.from(document.querySelectorAll('input[name="' + prefix + '-affects"]:checked')).map(function (b) { return b.value; });
  }

  function editForm(a) {
    $('a-id').value = a ? a.id : '';
    $('a-kind').value = a ? a.kind : 'MAINTENANCE';
    $('a-level').value = a ? a.level : 'INFO';
    $('a-title').value = a ? a.title : '';
    $('a-body').value = a ? a.body : '';
    $('a-starts').value = a ? local(a.startsAt) : '';
    $('a-ends').value = a ? local(a.endsAt) : '';
    document.querySelectorAll('input[name="a-affects"]').forEach(function (b) {
      b.checked = !!a && a.affects.indexOf(b.value) >= 0;
    });
    $('form-title').textContent = a ? '修改公告' : '发布公告';
    $('a-submit').textContent = a ? '保存修改' : '发布';
    $('a-cancel').hidden = !a;
  }

  function renderAnnouncements() {
    const body = $('announcements');
    body.textContent = '';
    announcements.forEach(function (a) {
      const row = document.createElement('tr');
      cell(row, STATUS[a.status] || a.status);
      cell(row, KIND[a.kind] || a.kind);
      const title = cell(row, a.title);
      title.title = a.body;
      cell(row, when(a.startsAt) + ' — ' + (a.endedAt ? when(a.endedAt) : a.endsAt ? when(a.endsAt) : '未定'));
      const actions = cell(row, '');
      if (a.status !== 'ENDED' && a.incidentId == null) {
        actions.appendChild(button('修改', function () { editForm(a); window.scrollTo(0, 0); return false; }));
        actions.appendChild(button('立即结束', function () {
          return confirm('结束这条公告？结束后仍保留在列表中。') ? api('DELETE', '/api/console/announcements/' + a.id) : false;
        }));
      }
      body.appendChild(row);
    });
  }

  function renderIncidents(incidents) {
    const box = $('incidents');
    box.textContent = '';
    if (!incidents.length) { box.textContent = '目前没有登记的故障。'; return; }
    incidents.forEach(function (i) {
      const card = document.createElement('article');
      card.className = 'incident';
      card.dataset.id = i.id;
      const h = document.createElement('h3');
      h.textContent = '#' + i.id + ' ' + i.title + ' · ' + (STAGE[i.stage] || i.stage);
      card.appendChild(h);
      const meta = document.createElement('p');
      meta.textContent = i.summary + (i.stageDeadline ? '（本阶段预计 ' + when(i.stageDeadline) + ' 前完成）' : '');
      card.appendChild(meta);
      const reports = document.createElement('p');
      reports.textContent = '关联的故障报告：' + (i.trackingNumbers.length ? i.trackingNumbers.join('、') : '无');
      card.appendChild(reports);
      if (i.stage !== 'CLOSED') {
        const link = document.createElement('form');
        const input = document.createElement('input');
        input.placeholder = '故障报告编号，例如 BJ20250131-0001'; input.size = 30; input.required = true;
        const add = document.createElement('button'); add.type = 'submit'; add.textContent = '关联报告';
        link.appendChild(input); link.appendChild(add);
        link.addEventListener('submit', function (e) {
          e.preventDefault();
          api('POST', '/api/console/incidents/' + i.id + '/reports', { trackingNumber: input.value })
            .then(function () { say(''); return load(); }).catch(function (err) { say(err.message); });
        });
        card.appendChild(link);
        card.appendChild(button('进入下一阶段：' + (STAGE[i.nextStage] || i.nextStage), function () {
          const message = prompt('公开进展说明（会发布在公告中并通知订阅者；留空用默认说明）', '');
          if (message === null) return false;
          return api('POST', '/api/console/incidents/' + i.id + '/stage', { stage: i.nextStage, message: message });
        }));
      }
      const timeline = document.createElement('ol');
      i.updates.forEach(function (u) {
        const li = document.createElement('li');
        li.textContent = when(u.postedAt) + ' ' + u.stageLabel + '：' + u.message;
        timeline.appendChild(li);
      });
      card.appendChild(timeline);
      box.appendChild(card);
    });
  }

  function renderDeliveries(list) {
    const body = $('deliveries');
    body.textContent = '';
    list.forEach(function (d) {
      const row = document.createElement('tr');
      cell(row, d.channel === 'EMAIL' ? '邮件' : '短信');
      cell(row, d.to);
      cell(row, (d.targetType || '') + ' ' + (d.targetId || ''));
      cell(row, d.status === 'FAILED' ? '已放弃' : '待重试');
      cell(row, d.attempts);
      cell(row, d.status === 'FAILED' ? '' : when(d.nextAttemptAt));
      cell(row, d.lastError);
      cell(row, '').appendChild(button('立即重试', function () {
        return api('POST', '/api/console/notifications/deliveries/' + d.id + '/retry');
      }));
      body.appendChild(row);
    });
  }

  async function load() {
    announcements = await api('GET', '/api/console/announcements');
    renderAnnouncements();
    renderIncidents(await api('GET', '/api/console/incidents'));
    try {
      renderDeliveries(await api('GET', '/api/console/notifications/deliveries'));
      $('deliveries-section').hidden = false;
    } catch (e) {
      $('deliveries-section').hidden = true; // admins only
    }
  }

  async function start() {
    try {
      const me = await api('GET', '/api/console/me');
      ConsoleApi.useCsrf(me && me.csrf);
    } catch (e) {
      if (e.message === '401') throw e;
    }
    checkboxes($('a-affects'), 'a');
    checkboxes($('i-affects'), 'i');
    $('a-cancel').addEventListener('click', function () { editForm(null); });
    $('announcement-form').addEventListener('submit', function (e) {
      e.preventDefault();
      const id = $('a-id').value;
      const body = { kind: $('a-kind').value, level: $('a-level').value, title: $('a-title').value,
        body: $('a-body').value, affects: checked('a'), startsAt: $('a-starts').value || null,
        endsAt: $('a-ends').value || null };
      api(id ? 'PUT' : 'POST', '/api/console/announcements' + (id ? '/' + id : ''), body)
        .then(function () { say(id ? '公告已修改。' : '公告已发布。'); editForm(null); return load(); })
        .catch(function (err) { say(err.message); });
    });
    $('incident-form').addEventListener('submit', function (e) {
      e.preventDefault();
      api('POST', '/api/console/incidents', { title: $('i-title').value, summary: $('i-summary').value,
        level: $('i-level').value, affects: checked('i') })
        .then(function () { say('故障已登记，故障通报已发布。'); e.target.reset(); return load(); })
        .catch(function (err) { say(err.message); });
    });
    await load();
  }

  start().catch(function (e) { if (e.message !== '401') { say(e.message); } });
})();
