// The agent console: queue, presence, conversation view and replies. Every piece of visitor or agent text is put
// into the page with textContent (never innerHTML), inside a bidi-isolated element, and invisible or
// direction-changing characters are shown as visible markers, so nothing a visitor types can act on the page.
(function () {
  'use strict';

  const state = { me: null, csrf: null, handoffs: [], seen: null, current: null, currentSub: null, agents: [],
    transcriptKeys: new Set(), away: false, alerting: null };
  const baseTitle = document.title;
  const $ = function (id) { return document.getElementById(id); };
  const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u061C]/g;

  /** A text node where invisible and bidi-control characters become visible markers like [U+202E]. */
  function safeText(element, text) {
    element.textContent = '';
    const value = text == null ? '' : String(text);
    let last = 0;
    value.replace(INVISIBLE, function (ch, offset) {
      element.appendChild(document.createTextNode(value.slice(last, offset)));
      const mark = document.createElement('span');
      mark.className = 'invisible-char';
      mark.textContent = '[U+' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') + ']';
      element.appendChild(mark);
      last = offset + 1;
      return ch;
    });
    element.appendChild(document.createTextNode(value.slice(last)));
    element.setAttribute('dir', 'auto');
    return element;
  }

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined) { safeText(e, text); }
    return e;
  }

  const api = ConsoleApi.api;

  function showError(message) { safeText($('conv-error'), message || ''); }

  function since(iso) {
    const seconds = Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / 1000));
    const m = Math.floor(seconds / 60), s = seconds % 60;
    return m > 0 ? m + ' 分 ' + s + ' 秒' : s + ' 秒';
  }

  // ---- queue -------------------------------------------------------------------------------------------------
  function renderQueue() {
    const list = $('queue');
    list.textContent = '';
    state.handoffs.forEach(function (h) {
      const li = el('li', 'queue-item ' + h.status.toLowerCase());
      li.dataset.conversation = h.conversationId;
      const waiting = h.status === 'WAITING';
      li.appendChild(el('span', 'who', waiting ? ('第 ' + h.position + ' 位') : ('接待中 · ' + (h.claimedByName || ''))));
      li.appendChild(el('span', 'reason', reasonText(h.reason)));
      const wait = el('span', 'wait', '');
      wait.dataset.since = h.waitingSince;
      li.appendChild(wait);
      if (state.current === h.conversationId) { li.classList.add('selected'); }
      li.tabIndex = 0;
      li.addEventListener('click', function () { open(h.conversationId); });
      list.appendChild(li);
    });
    safeText($('queue-count'), String(state.handoffs.filter(function (h) { return h.status === 'WAITING'; }).length));
    tick();
  }

  function reasonText(reason) {
    return ({ user: '访客要求人工', misses: '机器人未能解答', report: '故障报告' })[reason] || (reason || '转人工');
  }

  function tick() {
    document.querySelectorAll('#queue .wait').forEach(function (w) { safeText(w, '已等待 ' + since(w.dataset.since)); });
  }

  function onQueue(list) {
    const waiting = list.filter(function (h) { return h.status === 'WAITING'; }).map(function (h) { return h.conversationId; });
    if (state.seen !== null && waiting.some(function (id) { return !state.seen.has(id); })) { alertNew(); }
    state.seen = new Set(list.map(function (h) { return h.conversationId; }));
    state.handoffs = list;
    renderQueue();
    if (state.current) {
      const h = list.find(function (x) { return x.conversationId === state.current; });
      if (h) { updateButtons(h); }
    }
  }

  function alertNew() {
    try {
      const ctx = new (window.AudioContext || window.webkitAudioContext)();
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = 880;
      gain.gain.value = 0.15;
      osc.connect(gain); gain.connect(ctx.destination);
      osc.start(); osc.stop(ctx.currentTime + 0.35);
    } catch (e) { /* no audio: the title still flashes */ }
    if (state.alerting) { return; }
    let on = false;
    state.alerting = setInterval(function () {
      on = !on;
      document.title = on ? '【新的转人工】' + baseTitle : baseTitle;
    }, 800);
    document.title = '【新的转人工】' + baseTitle;
  }

  function stopAlert() {
    if (state.alerting) { clearInterval(state.alerting); state.alerting = null; }
    document.title = baseTitle;
  }

  // ---- presence ----------------------------------------------------------------------------------------------
  function onPresence(list) {
    const ul = $('presence');
    ul.textContent = '';
    list.forEach(function (p) {
      const li = el('li', 'presence ' + p.status);
      li.appendChild(el('span', 'name', p.displayName));
      li.appendChild(el('span', 'status', p.status === 'away' ? '离开' : '在线'));
      ul.appendChild(li);
    });
    const mine = list.find(function (p) { return state.me && p.username === state.me.username; });
    state.away = !!mine && mine.status === 'away';
    safeText($('presence-toggle'), state.away ? '设为在线' : '设为离开');
  }

  // ---- conversation ------------------------------------------------------------------------------------------
  async function open(conversationId) {
    state.current = conversationId;
    state.mine = undefined;
    stopAlert();
    showError('');
    if (state.currentSub && state.stomp) { state.stomp.unsubscribe(state.currentSub); }
    state.currentSub = state.stomp ? state.stomp.subscribe('/topic/console/conversations/' + conversationId, onLiveEvent) : null;
    await reload();
    renderQueue();
  }

  async function reload() {
    if (!state.current) { return; }
    const c = await api('GET', '/api/console/conversations/' + state.current);
    $('conversation').hidden = false;
    $('empty-hint').hidden = true;
    safeText($('conv-title'), '会话 ' + c.conversationId.slice(0, 8));
    state.transcriptKeys = new Set();
    $('transcript').textContent = '';
    c.events.forEach(addEvent);
    safeText($('page-url'), c.pageUrl || '—');
    const steps = $('steps'); steps.textContent = '';
    (c.stepsDone || []).forEach(function (s) { steps.appendChild(el('li', null, s)); });
    if (!c.stepsDone || c.stepsDone.length === 0) { steps.appendChild(el('li', 'muted', '（无）')); }
    const fields = $('fields'); fields.textContent = '';
    Object.keys(c.invoiceFields || {}).forEach(function (k) {
      fields.appendChild(el('dt', null, fieldName(k)));
      fields.appendChild(el('dd', null, c.invoiceFields[k]));
    });
    if (!c.invoiceFields || Object.keys(c.invoiceFields).length === 0) { fields.appendChild(el('dd', 'muted', '（无）')); }
    const lookups = $('lookups'); lookups.textContent = '';
    (c.lookups || []).forEach(function (l) {
      lookups.appendChild(el('li', null, l.result + (l.status ? ' · ' + l.status : '') + ' — ' + (l.message || '')));
    });
    if (!c.lookups || c.lookups.length === 0) { lookups.appendChild(el('li', 'muted', '（无）')); }
    safeText($('rating'), c.rating ? (c.rating.score + ' 分' + (c.rating.comment ? '：' + c.rating.comment : '')) : '—');
    updateButtons(c.handoff || { status: c.status });
  }

  function fieldName(key) {
    return ({ code: '发票代码', number: '发票号码', date: '开票日期', amount: '金额', checkCode: '校验码', type: '发票类型' })[key] || key;
  }

  function updateButtons(h) {
    const mine = h.status === 'CLAIMED' && state.me && h.claimedBy === state.me.username;
    $('claim').hidden = h.status !== 'WAITING';
    ['transfer', 'transfer-to', 'release', 'close'].forEach(function (id) { $(id).hidden = !mine; });
    $('send').disabled = false;
    const status = h.status === 'WAITING' ? '等待接入（第 ' + h.position + ' 位）'
      : h.status === 'CLAIMED' ? (mine ? '由您接待中' : '由 ' + (h.claimedByName || h.claimedBy) + ' 接待中（您只能添加内部备注）')
      : h.status === 'CLOSED' ? '已结束' : h.status === 'RELEASED' ? '已交还智能助手' : '';
    safeText($('conv-status'), status);
    // Only the agent who has the conversation may answer the visitor; everyone else writes private notes.
    if (state.mine !== mine) { $('reply-internal').checked = !mine; }
    state.mine = mine;
    $('reply-internal').disabled = !mine;
  }

  function eventKey(e) { return e.internal ? 'note:' + e.clientMessageId : 'seq:' + e.seq; }

  function addEvent(e) {
    const key = eventKey(e);
    if (state.transcriptKeys.has(key)) { return; }
    state.transcriptKeys.add(key);
    const li = el('li', 'event sender-' + e.sender + (e.internal ? ' note' : '') + ' type-' + e.type);
    li.dataset.seq = e.seq != null ? e.seq : e.afterSeq + 0.5;
    const who = e.internal ? '内部备注 · ' + (e.senderName || '') : ({ user: '访客', bot: '智能助手', agent: '客服 ' + (e.senderName || ''), system: '系统' })[e.sender] || e.sender;
    li.appendChild(el('span', 'who', who));
    li.appendChild(el('span', 'time', e.createdAt ? new Date(e.createdAt).toLocaleTimeString('zh-CN') : ''));
    li.appendChild(el('div', 'text', e.text || ''));
    if (e.card) {
      li.appendChild(el('div', 'card', cardText(e.card)));
    }
    // Keep seq order even when live events and reloads interleave.
    const list = $('transcript');
    const seq = parseFloat(li.dataset.seq);
    const after = Array.prototype.find.call(list.children, function (c) { return parseFloat(c.dataset.seq) > seq; });
    list.insertBefore(li, after || null);
    li.scrollIntoView({ block: 'nearest' });
  }

  function cardText(card) {
    switch (card.kind) {
      case 'faq': return 'FAQ：' + (card.title || '');
      case 'invoice': return '查验结果：' + (card.result || '') + (card.status ? ' · ' + card.status : '');
      case 'handoff': return '转人工' + (card.stepsDone && card.stepsDone.length ? '，已完成：' + card.stepsDone.join('、') : '');
      case 'queue': return '排队第 ' + card.position + ' 位，预计 ' + Math.ceil(card.estimatedWaitSeconds / 60) + ' 分钟';
      case 'rating': return '已请访客评价（1–5 分）';
      default: return card.kind || '';
    }
  }

  function onLiveEvent(e) {
    addEvent(e);
    if (e.type === 'system' || e.type === 'closed') { reload().catch(function () {}); }
  }

  async function act(path, body) {
    showError('');
    try {
      await api('POST', '/api/console/' + path, body);
      await reload();
    } catch (e) {
      showError(e.message);
      reload().catch(function () {});
    }
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return 'm-' + Date.now() + '-' + Math.random().toString(36).slice(2);
  }

  async function send(event) {
    event.preventDefault();
    const text = $('reply-text').value;
    if (!text.trim() || !state.current) { return; }
    const internal = $('reply-internal').checked;
    showError('');
    $('send').disabled = true;
    try {
      const posted = await api('POST', '/api/console/conversations/' + state.current + '/messages',
        { clientMessageId: uuid(), text: text, internal: internal });
      addEvent(posted);
      $('reply-text').value = '';
    } catch (e) {
      showError(e.message);
    } finally {
      $('send').disabled = false;
    }
  }

  async function loadAgents() {
    state.agents = await api('GET', '/api/console/agents');
    const select = $('transfer-to');
    select.textContent = '';
    state.agents.filter(function (a) { return a.enabled && state.me && a.username !== state.me.username; })
      .forEach(function (a) {
        const option = el('option', null, a.displayName + '（' + ({ online: '在线', away: '离开', offline: '离线' })[a.presence] + '）');
        option.value = a.username;
        select.appendChild(option);
      });
  }

  async function loadCanned() {
    const replies = await api('GET', '/api/console/canned-replies');
    const select = $('canned');
    select.textContent = '';
    select.appendChild(el('option', null, '快捷回复…'));
    select.firstChild.value = '';
    replies.forEach(function (r) {
      const option = el('option', null, r.title);
      option.value = r.text;
      select.appendChild(option);
    });
  }

  // ---- fault reports (staff API of the fault-report module) ------------------------------------------------
  const STAGES = [['CONFIRMING', '确认原因'], ['REPAIRING', '实施修复'], ['TESTING', '全面测试'],
    ['NOTIFYING', '发布恢复通知'], ['CLOSED', '已完成']];

  function time(iso) { return iso ? new Date(iso).toLocaleString('zh-CN') : '—'; }

  async function loadReports() {
    const list = $('report-list');
    list.textContent = '';
    let page;
    try {
      page = await api('GET', '/api/console/fault-reports?size=100');
    } catch (e) {
      list.appendChild(el('li', 'muted', e.status === 404 ? '故障报告功能暂未开放。' : e.message));
      return;
    }
    const items = (page && page.content) || [];
    if (items.length === 0) { list.appendChild(el('li', 'muted', '暂无故障报告。')); }
    items.forEach(function (r) {
      const li = el('li', 'report-item' + (r.overdue ? ' overdue' : ''));
      li.dataset.tracking = r.trackingNumber;
      li.appendChild(el('span', 'tracking', r.trackingNumber));
      li.appendChild(el('span', 'stage', (r.stageLabel || r.stage) + (r.overdue ? '（已超时）' : '')));
      li.appendChild(el('span', 'summary text', r.description || ''));
      li.tabIndex = 0;
      li.addEventListener('click', function () { openReport(r.trackingNumber); });
      list.appendChild(li);
    });
  }

  function field(parent, label, value) {
    const p = el('p', 'field');
    p.appendChild(el('b', null, label + '：'));
    p.appendChild(el('span', 'text', value == null || value === '' ? '—' : String(value)));
    parent.appendChild(p);
  }

  async function openReport(trackingNumber) {
    const detail = $('report-detail');
    detail.textContent = '';
    let d;
    try {
      d = await api('GET', '/api/console/fault-reports/' + encodeURIComponent(trackingNumber));
    } catch (e) {
      detail.appendChild(el('p', 'error', e.message));
      return;
    }
    const r = d.report;
    detail.appendChild(el('h3', null, '故障报告 ' + r.trackingNumber));
    field(detail, '当前阶段', (r.stageLabel || r.stage) + (r.overdue ? '（已超时）' : ''));
    field(detail, '本阶段截止', time(r.dueAt));
    field(detail, '提交时间', time(r.createdAt));
    field(detail, '发生时间', time(r.occurredAt));
    field(detail, '发票号码', (r.invoiceNumbers || []).join('、'));
    field(detail, '发票类型', r.invoiceType);
    field(detail, '问题描述', r.description);
    field(detail, '手机', r.phone);
    field(detail, '邮箱', r.email);
    if (r.conversationId) {
      const b = el('button', 'open-conversation', '查看对应会话');
      b.type = 'button';
      b.addEventListener('click', function () {
        document.querySelector('.tab[data-tab="handoffs"]').click();
        open(r.conversationId);
      });
      detail.appendChild(b);
    }
    // What the conversation brought with it (filed in the chat, or on the form with a conversation id).
    const a = d.attachments;
    if (a) {
      const box = el('div', 'report-attachments');
      box.appendChild(el('h4', null, '机器人收集的信息'));
      field(box, '已完成的自查步骤', (a.stepsDone || []).join('、'));
      const fields = a.invoiceFields || {};
      field(box, '发票信息', Object.keys(fields).map(function (k) { return fieldName(k) + ' ' + fields[k]; }).join('，'));
      field(box, '查验结果', (a.lookupResults || []).join('；'));
      detail.appendChild(box);
    }
    if (Array.isArray(d.transcript) && d.transcript.length) {
      detail.appendChild(el('h4', null, '会话记录'));
      const lines = el('ol', 'report-transcript');
      const who = { user: '访客', bot: '机器人', agent: '客服', system: '系统' };
      d.transcript.forEach(function (line) {
        lines.appendChild(el('li', null, time(line.at) + ' ' + (who[line.sender] || line.sender || '') + '：' + line.text));
      });
      detail.appendChild(lines);
    }
    const history = el('ol', 'history');
    (d.history || []).forEach(function (h) {
      history.appendChild(el('li', null, time(h.at) + ' · ' + (h.stageLabel || h.kind || '') + (h.text ? ' · ' + h.text : '')
        + (h.author ? '（' + h.author + '）' : '')));
    });
    detail.appendChild(el('h4', null, '处理记录'));
    detail.appendChild(history);

    const current = STAGES.findIndex(function (s) { return s[0] === r.stage; });
    if (current >= 0 && current < STAGES.length - 1) {
      const form = el('div', 'stage-form');
      const publicNote = el('textarea', 'public-note');
      publicNote.placeholder = '给报告人的说明（选填，报告人可见）';
      const internalNote = el('textarea', 'internal-note');
      internalNote.placeholder = '内部备注（选填）';
      form.appendChild(publicNote);
      form.appendChild(internalNote);
      STAGES.slice(current + 1).forEach(function (s) {
        const b = el('button', 'stage-button', '进入「' + s[1] + '」');
        b.type = 'button';
        b.dataset.stage = s[0];
        b.addEventListener('click', async function () {
          try {
            await api('POST', '/api/console/fault-reports/' + encodeURIComponent(r.trackingNumber) + '/stage',
              { stage: s[0], publicNote: publicNote.value || null, internalNote: internalNote.value || null });
            await loadReports();
            await openReport(r.trackingNumber);
          } catch (e) { form.appendChild(el('p', 'error', e.message)); }
        });
        form.appendChild(b);
      });
      detail.appendChild(form);
    }
  }

  // ---- start -------------------------------------------------------------------------------------------------
  async function start() {
    state.me = await api('GET', '/api/console/me');
    state.csrf = state.me.csrf;
    ConsoleApi.useCsrf(state.csrf);
    $('logout-csrf').value = state.csrf.token;
    safeText($('me-name'), state.me.displayName + '（' + state.me.username + '）');
    $('admin-link').hidden = state.me.roles.indexOf('ADMIN') < 0;
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    state.stomp = new StompLite(scheme + location.host + '/ws/agent', {
      onConnect: function () {
        $('connection').className = 'badge online';
        safeText($('connection'), '已连接');
        api('GET', '/api/console/handoffs').then(onQueue);
        api('GET', '/api/console/presence').then(onPresence);
        if (state.current) { reload().catch(function () {}); }
      },
      onDisconnect: function () {
        $('connection').className = 'badge offline';
        safeText($('connection'), '未连接');
      },
      onError: function (code) { showError('实时连接被拒绝：' + code); }
    });
    state.stomp.subscribe('/topic/console/handoffs', onQueue);
    state.stomp.subscribe('/topic/console/presence', onPresence);
    state.stomp.start();
    setInterval(tick, 1000);
    window.addEventListener('focus', stopAlert);
    document.addEventListener('click', stopAlert);
    $('claim').addEventListener('click', function () { act('handoffs/' + state.current + '/claim'); });
    $('release').addEventListener('click', function () { act('conversations/' + state.current + '/release'); });
    $('close').addEventListener('click', function () { act('conversations/' + state.current + '/close'); });
    $('transfer').addEventListener('click', function () {
      act('conversations/' + state.current + '/transfer', { to: $('transfer-to').value });
    });
    $('reply-form').addEventListener('submit', send);
    $('reply-text').addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { send(e); }
    });
    $('canned').addEventListener('change', function () {
      if (this.value) { $('reply-text').value = this.value; this.value = ''; $('reply-text').focus(); }
    });
    $('presence-toggle').addEventListener('click', function () {
      api('POST', '/api/console/presence', { status: state.away ? 'online' : 'away' }).then(onPresence)
        .catch(function (e) { showError(e.message); });
    });
    document.querySelectorAll('.tab').forEach(function (tab) {
      tab.addEventListener('click', function () {
        document.querySelectorAll('.tab').forEach(function (t) { t.classList.toggle('active', t === tab); });
        $('tab-handoffs').hidden = tab.dataset.tab !== 'handoffs';
        $('tab-reports').hidden = tab.dataset.tab !== 'reports';
        if (tab.dataset.tab === 'reports') { loadReports(); }
      });
    });
    loadAgents().catch(function () {});
    loadCanned().catch(function () {});
  }

  start().catch(function (e) { if (e.message !== '401') { showError(e.message); } });
})();
