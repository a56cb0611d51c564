import { css } from './styles.js';

// The widget's DOM, inside a shadow root. Text from the server is only ever set with textContent.

export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      if (v == null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

const ICON = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 3C6.5 3 2 6.9 2 11.7c0 2.6 1.3 4.9 3.4 6.5L4.6 22l4.1-2.2c1 .3 2.1.4 3.3.4 5.5 0 10-3.9 10-8.6S17.5 3 12 3zm-4.5 10a1.3 1.3 0 110-2.6 1.3 1.3 0 010 2.6zm4.5 0a1.3 1.3 0 110-2.6 1.3 1.3 0 010 2.6zm4.5 0a1.3 1.3 0 110-2.6 1.3 1.3 0 010 2.6z"/></svg>';

/** Builds the widget in a shadow root on {@code host}; returns the parts the controller drives. */
export function mount(host, t) {
  const root = host.attachShadow({ mode: 'open' });
  root.appendChild(h('style', { text: css }));
  const wrap = h('div', { class: 'root' });
  root.appendChild(wrap);

  const badge = h('span', { class: 'badge', 'aria-hidden': 'true', hidden: true });
  const launcher = h('button', {
    class: 'launcher', type: 'button', 'aria-label': t.launcher, 'aria-expanded': 'false', 'aria-controls': 'ih-panel',
  });
  launcher.innerHTML = ICON;   // constant markup, no data
  launcher.appendChild(badge);

  const status = h('p', { class: 'status', 'data-state': 'offline', text: t.statusConnecting });
  const handoff = h('button', { type: 'button', class: 'handoff', title: t.handoffTitle, text: t.handoff });
  const close = h('button', { type: 'button', class: 'close', 'aria-label': t.close, text: '×' });
  const bannerText = h('div', { class: 'txt' });
  const bannerClose = h('button', { type: 'button', 'aria-label': t.dismiss, text: '×' });
  const banner = h('div', { class: 'banner', role: 'status', hidden: true }, h('span', { 'aria-hidden': 'true', text: '📢' }),
    bannerText, bannerClose);
  const retry = h('button', { type: 'button', text: t.retryNow });
  const offline = h('div', { class: 'offline', role: 'alert', hidden: true }, h('span', { text: t.offlineBanner }), retry);
  const log = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': t.log, tabindex: '0' });
  const outbox = h('div', { class: 'outbox', style: 'display:contents' });
  log.appendChild(outbox);
  const typing = h('div', { class: 'typing', hidden: true, 'aria-live': 'polite' },
    h('i'), h('i'), h('i'), h('span', { text: t.typing }));
  const input = h('textarea', { id: 'ih-input', rows: '1', maxlength: '2000', placeholder: t.input, 'aria-describedby': 'ih-hint' });
  const send = h('button', { type: 'submit', text: t.send });
  const composer = h('form', { class: 'composer' },
    h('label', { class: 'sr', for: 'ih-input', text: t.input }),
    h('span', { class: 'sr', id: 'ih-hint', text: t.inputHint }),
    input, send);
  const panel = h('section', { class: 'panel', id: 'ih-panel', role: 'dialog', 'aria-labelledby': 'ih-title', hidden: true },
    h('header', { class: 'head' },
      h('div', { class: 'who' }, h('h2', { id: 'ih-title', text: `${t.title} · ${t.subtitle}` }), status),
      handoff, close),
    banner, offline, log, typing, composer);

  wrap.append(panel, launcher);
  return { root, launcher, badge, panel, status, handoff, close, banner, bannerText, bannerClose, offline, retry, log,
    outbox, typing, input, send, composer };
}

const SENDER_CLASS = { user: 'user', bot: 'bot', agent: 'agent', system: 'system' };

/** One stored event as a log entry (or null when there is nothing to show). */
export function eventView(e, t, ctx) {
  const sender = SENDER_CLASS[e.sender] || 'system';
  const cls = ['msg', sender];
  if (e.type === 'error') cls.push('error');
  const card = e.card && typeof e.card === 'object' ? cardView(e.card, t, { ...ctx, text: e.text }) : null;
  if (!e.text && !card) return null;
  const el = h('div', { class: cls.join(' '), 'data-seq': e.seq, 'data-type': e.type || 'message' });
  if (sender === 'agent') el.appendChild(h('span', { class: 'from', text: t.agent }));
  if (e.text) {
    el.appendChild(h('div', {
      class: 'bubble', text: e.text, title: e.createdAt ? new Date(e.createdAt).toLocaleString('zh-CN') : null,
    }, h('span', { class: 'sr', text: ` —${t[sender] || t.system}` })));
  }
  if (card) el.appendChild(card);
  return el;
}

export function pendingView(m, t) {
  const el = h('div', { class: `msg user ${m.failed ? 'failed' : 'pending'}`, 'data-pending': m.clientMessageId },
    h('div', { class: 'bubble', text: m.label || m.text || m.action || '' }),
    h('span', { class: 'state', text: m.failed ? `${t.failed}：${m.failed}` : t.pending }));
  return el;
}

function safeUrl(url, base) {
  try {
    const u = new URL(String(url), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch (e) { return null; }
}

function list(items) {
  const arr = Array.isArray(items) ? items : (items ? [items] : []);
  return arr.length ? h('ul', null, arr.map((x) => h('li', { text: typeof x === 'string' ? x : (x && x.message) || '' }))) : null;
}

function cardView(card, t, ctx) {
  switch (card.kind) {
    case 'faq': {
      const url = safeUrl(card.url || (card.slug ? `/help/articles/${card.slug}` : '/help'), ctx.server);
      return h('div', { class: 'card faq' },
        card.title ? h('h3', { text: card.title }) : null,
        card.snippet ? h('p', { class: 'muted', text: card.snippet }) : null,
        url ? h('a', { href: url, target: '_blank', rel: 'noopener', text: `${t.faqLink} ›` }) : null);
    }
    case 'invoice': {
      const ok = card.result === 'FOUND';
      const warn = card.result === 'TOO_EARLY' || card.result === 'LIMIT_EXCEEDED';
      return h('div', { class: 'card invoice' },
        h('h3', null, `${t.invoiceTitle} `,
          h('span', { class: `tag${ok ? ' ok' : warn ? ' warn' : ''}`, text: t.invoiceResult[card.result] || card.result || '' })),
        card.status ? h('p', { class: 'muted', text: card.status }) : null,
        card.message && card.message !== ctx.text ? h('p', { text: card.message }) : null,
        card.problems && card.problems.length ? h('p', { class: 'muted', text: t.problems }) : null,
        list(card.problems),
        card.nextSteps && card.nextSteps.length ? h('p', { class: 'muted', text: t.nextSteps }) : null,
        list(card.nextSteps));
    }
    case 'report': {
      const number = String(card.trackingNumber || '');
      const copied = h('span', { class: 'muted', 'aria-live': 'polite' });
      const copy = h('button', {
        type: 'button', 'aria-label': `${t.copy} ${t.trackingNumber} ${number}`, text: t.copy,
        onclick: () => copyText(number).then(() => { copied.textContent = t.copied; },
          () => { copied.textContent = t.copyFailed; }),
      });
      const track = safeUrl(`/help/track?number=${encodeURIComponent(number)}`, ctx.server);
      return h('div', { class: 'card report' },
        h('h3', { text: t.reportTitle }),
        h('div', { class: 'copyrow' }, h('span', { class: 'muted', text: `${t.trackingNumber}：` }),
          h('code', { text: number }), copy, copied),
        card.stageLabel || card.stage ? h('p', null, `${t.stage}：${card.stageLabel || card.stage} `,
          card.overdue ? h('span', { class: 'tag warn', text: t.overdue }) : null) : null,
        card.dueAt ? h('p', { class: 'muted', text: `${t.dueAt} ${formatTime(card.dueAt)}` }) : null,
        number && track ? h('a', { href: track, target: '_blank', rel: 'noopener', text: `${t.trackLink} ›` }) : null);
    }
    case 'subscribe':
      return ctx.subscribe ? subscribeView(card, t, ctx.subscribe) : null;
    case 'queue': {
      const pos = Number(card.position);
      const wait = Number(card.estimatedWaitSeconds);
      return h('div', { class: 'card queue', role: 'status' },
        h('h3', { text: t.queueTitle }),
        Number.isFinite(pos) ? h('p', { text: t.queuePosition(pos) }) : null,
        Number.isFinite(wait) && wait > 0 ? h('p', { class: 'muted', text: t.queueWait(wait) }) : null);
    }
    case 'handoff':
      return card.stepsDone && card.stepsDone.length
        ? h('div', { class: 'card handoff' }, h('p', { class: 'muted', text: t.stepsDone }), list(card.stepsDone))
        : null;
    default:
      return null;   // a card kind this version does not know: the event's text still shows
  }
}

/**
 * The subscription form of a {@code subscribe} card: phone and/or e-mail, the card's consent text as a checkbox.
 * {@code subscribe.send(card, {phone, email})} resolves to {status, body}; {@code subscribe.cancel(token)} unsubscribes;
 * {@code subscribe.done}/{@code remember} keep the outcome across reloads (masked contacts only).
 */
function subscribeView(card, t, subscribe) {
  const key = `subscribed:${card.targetType}:${card.targetId}`;
  const phone = h('input', { type: 'tel', maxlength: '30', autocomplete: 'tel', 'aria-label': t.subscribePhone, placeholder: t.subscribePhone });
  const email = h('input', { type: 'email', maxlength: '254', autocomplete: 'email', 'aria-label': t.subscribeEmail, placeholder: t.subscribeEmail });
  const consent = h('input', { type: 'checkbox' });
  const button = h('button', { type: 'submit', class: 'submit', text: t.subscribeSubmit });
  const result = h('div', { class: 'result', role: 'status', 'aria-live': 'polite' });
  const form = h('form', { class: 'card subscribe', 'data-target': `${card.targetType}:${card.targetId}` },
    h('h3', { text: t.subscribeTitle(card.title) }),
    phone, email,
    h('label', { class: 'consent' }, consent, h('span', { text: card.consent || t.subscribeConsent })),
    button, result);

  function showDone(s, created) {
    const to = [s.phone, s.email].filter(Boolean).join('、');
    const stop = h('button', { type: 'button', text: t.unsubscribe });
    stop.addEventListener('click', () => {
      stop.disabled = true;
      subscribe.cancel(s.unsubscribeToken).then(() => {
        subscribe.remember(key, null);
        form.replaceChildren(h('p', { class: 'muted', role: 'status', text: t.unsubscribed }));
      }, () => { stop.disabled = false; });
    });
    form.replaceChildren(h('h3', { text: t.subscribeTitle(card.title) }),
      h('p', { role: 'status', text: created ? t.subscribeDone(to) : t.subscribeAgain(to) }),
      s.unsubscribeToken ? stop : null);
  }

  const earlier = subscribe.done(key);
  if (earlier && typeof earlier === 'object') {
    showDone(earlier, true);
    return form;
  }
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    result.replaceChildren();
    const body = { phone: phone.value.trim() || null, email: email.value.trim() || null, consent: consent.checked };
    if (!body.phone && !body.email) { result.appendChild(h('p', { class: 'err', text: t.subscribeNeedContact })); return; }
    if (!body.consent) { result.appendChild(h('p', { class: 'err', text: t.subscribeNeedConsent })); return; }
    button.disabled = true;
    subscribe.send(card, body).then((r) => {
      button.disabled = false;
      if (r.status === 200 || r.status === 201) {
        const s = r.body || {};
        const kept = { phone: s.phone || null, email: s.email || null, unsubscribeToken: s.unsubscribeToken || null };
        subscribe.remember(key, kept);
        showDone(kept, r.status === 201);
        return;
      }
      const errors = r.body && Array.isArray(r.body.errors) ? r.body.errors : [];
      const messages = errors.map((e) => e && e.message).filter(Boolean);
      if (!messages.length) messages.push((r.body && r.body.error) || t.subscribeFailed);
      messages.forEach((m) => result.appendChild(h('p', { class: 'err', text: String(m) })));
    }, () => {
      button.disabled = false;
      result.appendChild(h('p', { class: 'err', text: t.subscribeFailed }));
    });
  });
  return form;
}

function formatTime(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString('zh-CN', { hour12: false });
}

function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  return new Promise((resolve, reject) => {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;top:-1000px;opacity:0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand && document.execCommand('copy');
    area.remove();
    if (ok) resolve(); else reject(new Error('copy'));
  });
}

/** Quick replies as buttons; {@code pick(reply)} sends one. */
export function quickView(replies, pick, lead) {
  const row = h('div', { class: 'quick', role: 'group', 'aria-label': lead || '快捷选项' });
  if (lead) row.appendChild(h('span', { class: 'lead', text: lead }));
  for (const r of replies) {
    if (!r || !r.label) continue;
    row.appendChild(h('button', { type: 'button', text: r.label, onclick: () => pick(r) }));
  }
  return row;
}

/** Star rating form shown when a person closed the conversation. */
export function ratingView(t, submit) {
  let score = 0;
  const stars = h('div', { class: 'stars', role: 'radiogroup', 'aria-label': t.ratingTitle });
  const buttons = [1, 2, 3, 4, 5].map((n) => h('button', {
    type: 'button', role: 'radio', 'aria-checked': 'false', 'aria-label': `${t.ratingStar(n)} ${t.ratingLabels[n - 1]}`,
    title: t.ratingLabels[n - 1], text: '★',
    onclick: () => choose(n),
    onkeydown: (ev) => {
      if (ev.key === 'ArrowRight' || ev.key === 'ArrowUp') { ev.preventDefault(); choose(Math.min(5, n + 1)); }
      if (ev.key === 'ArrowLeft' || ev.key === 'ArrowDown') { ev.preventDefault(); choose(Math.max(1, n - 1)); }
    },
  }));
  stars.append(...buttons);
  const label = h('span', { class: 'muted', 'aria-live': 'polite' });
  const comment = h('textarea', { maxlength: '500', 'aria-label': t.ratingComment, placeholder: t.ratingComment });
  const button = h('button', { type: 'submit', class: 'submit', disabled: true, text: t.ratingSubmit });
  const result = h('p', { class: 'muted', role: 'status' });
  const form = h('form', { class: 'card rating' }, h('h3', { text: t.ratingTitle }), stars, label, comment, button, result);
  function choose(n) {
    score = n;
    buttons.forEach((b, i) => { b.setAttribute('aria-checked', String(i + 1 === n)); b.tabIndex = i + 1 === n ? 0 : -1; });
    buttons[n - 1].focus();
    label.textContent = t.ratingLabels[n - 1];
    button.disabled = false;
  }
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (!score) return;
    button.disabled = true;
    submit(score, comment.value.trim()).then(() => {
      form.replaceChildren(h('p', { text: t.ratingThanks }));
    }, () => {
      result.textContent = t.ratingFailed;
      button.disabled = false;
    });
  });
  return form;
}
