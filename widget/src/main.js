import { zhCN } from './strings.js';
import { createStore } from './store.js';
import { ChatConnection, HttpError } from './connection.js';
import { mount, eventView, pendingView, quickView, ratingView, h } from './ui.js';

// Embedding: <script src="https://help.example/widget/chat-widget.js" data-server="https://help.example" async></script>

const TYPING_TIMEOUT = 15000;
const INCOMING = new Set(['bot', 'agent', 'system']);

function scriptTag() {
  return document.currentScript
    || document.querySelector('script[src*="chat-widget.js"][data-server]')
    || document.querySelector('script[src*="chat-widget.js"]');
}

/** The help center's base URL: data-server, else where the script came from (a path prefix is kept). */
function serverOf(script) {
  const configured = script && script.getAttribute('data-server');
  try {
    if (configured) {
      const u = new URL(configured, location.href);
      return u.origin + u.pathname.replace(/\/+$/, '');
    }
    const u = new URL(script.src, location.href);
    return u.origin + u.pathname.replace(/\/widget\/chat-widget\.js$/, '');
  } catch (e) {
    return location.origin;
  }
}

function start() {
  if (document.querySelector('invoicehelp-chat')) return;   // included twice: one widget is enough
  const server = serverOf(scriptTag());
  const t = zhCN;
  const host = document.createElement('invoicehelp-chat');
  document.body.appendChild(host);
  const ui = mount(host, t);
  if (window.performance && performance.mark) performance.mark('invoicehelp-chat:ready');
  const store = createStore(server);

  // The subscribe card posts to this help center's subscription API (never to a URL taken from the card).
  const subscriptions = {
    async send(card, body) {
      const res = await fetch(`${server}/api/notifications/subscriptions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ targetType: card.targetType, targetId: String(card.targetId), phone: body.phone,
          email: body.email, consent: body.consent, source: 'chat' }),
      });
      let json = null;
      try { json = await res.json(); } catch (e) { json = null; }
      return { status: res.status, body: json };
    },
    async cancel(token) {
      const res = await fetch(`${server}/api/notifications/subscriptions/${encodeURIComponent(token)}`, { method: 'DELETE' });
      if (!res.ok && res.status !== 404) throw new HttpError(res.status, 0);
    },
    done: (key) => store.flag(key),
    remember: (key, value) => store.setFlag(key, value),
  };

  let open = false;
  let unread = 0;
  let readSeq = store.lastSeq();
  let pageTitle = null;
  let typingTimer = null;
  let userSpoke = false;
  const shown = new Set();   // seqs in the log: an event is rendered once, whatever happens to the connection

  const conn = new ChatConnection(server, store, {
    event: onEvent,
    typing: (e) => { if (e.type === 'typing') showTyping(true); },
    status: onStatus,
    pending: renderPending,
    notice: (kind, seconds) => {
      if (kind === 'slowDown') note(t.slowDown);
      else if (kind === 'tooMany') note(t.errorTooMany(seconds));
      else note(t.openFailed);
    },
    reset: (why) => {
      clearLog();
      if (why === 'lost') note(t.errorSessionLost);
    },
  });

  // ---- log ----
  function clearLog() {
    ui.log.querySelectorAll('[data-seq], .quick, .rating, .note, .newconv').forEach((n) => n.remove());
    shown.clear();
    userSpoke = false;
    unread = 0;
    updateUnread();
  }

  function append(node) {
    ui.log.insertBefore(node, ui.outbox);
  }

  function scrollDown() {
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  function note(text) {
    append(h('div', { class: 'msg system note' }, h('div', { class: 'bubble', text })));
    scrollDown();
  }

  function onEvent(e) {
    if (shown.has(e.seq)) return;
    shown.add(e.seq);
    if (e.sender === 'bot' || e.sender === 'agent') showTyping(false);
    if (e.sender === 'user') {
      userSpoke = true;
      ui.log.querySelectorAll('.quick').forEach((q) => q.remove());
    }
    if (e.type === 'announcement') {
      const c = e.card || {};
      const id = c.id != null ? `a-${c.id}` : `event-${e.seq}`;
      if (c.ended) { if (ui.banner.dataset.id === id) ui.banner.hidden = true; }
      else showBanner(c.title, c.body || e.text, id, c.level, c.expectedEnd);
    }
    const view = eventView(e, t, { server, subscribe: subscriptions });
    // Quick replies belong to the latest message: anything new from the other side replaces them.
    if (view && e.sender !== 'user') ui.log.querySelectorAll('.quick').forEach((q) => q.remove());
    if (view && view.querySelector('.card.queue')) {
      // The queue position changes while the visitor waits: only the latest one stays on screen.
      ui.log.querySelectorAll('.card.queue').forEach((c) => { c.hidden = true; });
    }
    if (view) append(view);
    if (Array.isArray(e.quickReplies) && e.quickReplies.length && e.sender !== 'user') {
      append(quickView(e.quickReplies, (r) => sendMessage({ action: r.action, label: r.label })));
      if (!userSpoke && e.seq <= 3) {
        append(quickView(t.commonQuestions.map((q) => ({ label: q })), (r) => sendMessage({ text: r.label }), t.greeting));
      }
    }
    if (e.type === 'closed') onClosed();
    if (view && INCOMING.has(e.sender) && e.type !== 'error' && e.seq > readSeq) {
      if (open && !document.hidden) markRead(e.seq);
      else { unread += 1; updateUnread(); }
    }
    scrollDown();
  }

  function onClosed() {
    showTyping(false);
    const id = conn.session && conn.session.conversationId;
    if (id && !store.flag(`rated:${id}`)) {
      append(ratingView(t, (score, comment) => rate(id, score, comment)));
    }
    append(h('button', { type: 'button', class: 'newconv', text: t.newConversation, onclick: () => conn.restart() }));
  }

  async function rate(id, score, comment) {
    const body = { score };
    if (comment) body.comment = comment;
    const res = await fetch(`${server}/api/chat/sessions/${encodeURIComponent(id)}/rating`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${conn.session.token}` },
      body: JSON.stringify(body),
    });
    if (!res.ok && res.status !== 409) throw new HttpError(res.status, 0);
    store.setFlag(`rated:${id}`, true);
  }

  function renderPending(list) {
    ui.outbox.replaceChildren(...list.map((m) => {
      const view = pendingView(m, t);
      if (m.failed) view.addEventListener('click', () => conn.retry(m.clientMessageId));
      return view;
    }));
    scrollDown();
  }

  function showTyping(on) {
    clearTimeout(typingTimer);
    ui.typing.hidden = !on;
    if (on) typingTimer = setTimeout(() => { ui.typing.hidden = true; }, TYPING_TIMEOUT);
  }

  // ---- connection state ----
  function onStatus(s) {
    ui.status.dataset.state = s;
    ui.status.textContent = s === 'online' ? t.statusOnline : s === 'connecting' ? t.statusConnecting : t.statusOffline;
    ui.offline.hidden = s !== 'offline';
    if (s !== 'online') showTyping(false);
  }

  // ---- unread ----
  function markRead(seq) {
    if (seq > readSeq) { readSeq = seq; store.saveLastSeq(seq); }
  }

  function updateUnread() {
    ui.badge.hidden = unread === 0 || open;
    ui.badge.textContent = unread > 99 ? '99+' : String(unread);
    ui.launcher.setAttribute('aria-label', unread ? t.launcherUnread(unread) : t.launcher);
    if (unread && document.hidden) {
      if (pageTitle === null) pageTitle = document.title;
      document.title = t.titleUnread(unread, pageTitle);
    } else if (pageTitle !== null) {
      document.title = pageTitle;
      pageTitle = null;
    }
  }

  function seen() {
    if (open && !document.hidden) {
      markRead(conn.lastSeq);
      unread = 0;
    }
    updateUnread();
  }

  // ---- open / close ----
  function setOpen(value) {
    open = value;
    ui.panel.hidden = !open;
    ui.launcher.setAttribute('aria-expanded', String(open));
    if (open) {
      conn.start().catch((e) => conn.openFailed(e));
      loadAnnouncements();
      setTimeout(() => ui.input.focus(), 0);
      scrollDown();
    } else {
      ui.launcher.focus();
    }
    seen();
  }

  ui.launcher.addEventListener('click', () => setOpen(!open));
  ui.close.addEventListener('click', () => setOpen(false));
  ui.panel.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') setOpen(false); });

  // ---- sending ----
  function sendMessage(message) {
    const label = message.label || message.text;
    conn.send({ ...message, label });
  }

  ui.composer.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const text = ui.input.value;
    if (!text.trim()) return;
    if (text.length > 2000) { note(t.tooLong(2000)); return; }
    sendMessage({ text });
    ui.input.value = '';
    ui.input.style.height = '';
    ui.input.focus();
  });
  ui.input.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      ui.composer.requestSubmit();
    }
  });
  ui.input.addEventListener('input', () => {
    ui.input.style.height = 'auto';
    ui.input.style.height = `${Math.min(120, ui.input.scrollHeight)}px`;
  });
  ui.handoff.addEventListener('click', () => sendMessage({ action: 'handoff', label: t.handoff }));
  ui.retry.addEventListener('click', () => conn.connect());

  // ---- announcements ----
  let announcementsLoaded = false;
  function showBanner(title, text, id, level, expectedEnd) {
    if (!text && !title) return;
    if (store.tabFlag(`dismissed:${id}`)) return;
    const until = expectedEnd && !Number.isNaN(new Date(expectedEnd).getTime())
      ? t.expectedEnd(new Date(expectedEnd).toLocaleString('zh-CN', { hour12: false })) : '';
    ui.bannerText.replaceChildren(...(title ? [h('strong', { text: `${title} ` })] : []), text || '', until);
    ui.banner.hidden = false;
    ui.banner.dataset.id = id;
    ui.banner.dataset.level = String(level || 'INFO').toUpperCase();
  }
  ui.bannerClose.addEventListener('click', () => {
    store.setTabFlag(`dismissed:${ui.banner.dataset.id}`, true);
    ui.banner.hidden = true;
  });
  async function loadAnnouncements() {
    if (announcementsLoaded) return;
    announcementsLoaded = true;
    try {
      const res = await fetch(`${server}/api/announcements/active`, { headers: { Accept: 'application/json' } });
      if (!res.ok) return;                       // no announcements service: no banner
      const body = await res.json();
      const items = Array.isArray(body) ? body : (body && (body.items || body.announcements)) || [];
      const a = items.find((x) => x && (x.title || x.text || x.body || x.message || x.content));
      if (a) showBanner(a.title, a.body || a.text || a.message || a.content, `a-${a.id || a.title}`, a.level, a.expectedEnd);
    } catch (e) {
      // offline or not JSON: the banner stays hidden
    }
  }

  // ---- page life ----
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) {
      if (!conn.client) conn.connect(); else conn.fillGap();
    }
    seen();
  });
  window.addEventListener('online', () => { if (!conn.client) conn.connect(); });
  window.addEventListener('offline', () => conn.drop());

  // A visitor who already talked to us gets live events (and the unread badge) without opening the panel.
  if (conn.hasSession()) {
    renderPending(conn.pending);
    conn.connect();
  }
}

if (document.body) start();
else document.addEventListener('DOMContentLoaded', start);
