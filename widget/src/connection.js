import { Client } from '@stomp/stompjs';

// The chat protocol client (docs/chat-protocol.md §7): one STOMP connection at a time, events applied strictly in seq
// order exactly once, replay after every (re)connect, pending messages resent with their own clientMessageId.

const EVENTS = '/user/queue/events';
const SEND = '/app/chat.send';
const PAGE = 1000;                 // replay page size (the server's maximum)
const SEND_BUDGET = 15;            // frames per 10 s we allow ourselves (the server allows 20)
const SEND_WINDOW = 10000;
const SEND_GAP = 250;              // at least this long between two frames
const ACK_TIMEOUT = 20000;         // no echo after this long on the same connection: send again (same id)
const SLOW_DOWN_RETRY = 5000;

export function newId() {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export class HttpError extends Error {
  constructor(status, retryAfter) {
    super(`HTTP ${status}`);
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

export class ChatConnection {
  /**
   * @param server   base URL of the help center, e.g. https://help.example.gov.cn
   * @param store    {session(), saveSession(s), clearSession(), pending(id), savePending(id, list)}
   * @param handlers {event(e), typing(e), status(s), pending(list), notice(kind, seconds), reset()}
   */
  constructor(server, store, handlers) {
    this.server = server.replace(/\/+$/, '');
    this.wsUrl = `${this.server.replace(/^http/, 'ws')}/ws/chat`;
    this.store = store;
    this.on = handlers;
    this.session = store.session();
    this.lastSeq = 0;
    // Messages a reload interrupted: sent on the next connection, with their original ids.
    this.pending = (this.session ? store.pending(this.session.conversationId) : []).map((m) => ({ ...m, sentGen: 0 }));
    this.client = null;
    this.gen = 0;
    this.ready = false;
    this.buffer = [];
    this.attempt = 0;
    this.timer = null;
    this.sentTimes = [];
    this.pumpTimer = null;
    this.opening = null;
    this.filling = false;
    this.state = 'offline';
  }

  hasSession() { return !!this.session; }

  /** Opens a session if there is none, then connects. */
  async start() {
    if (!this.session) {
      await this.openSession();
    }
    this.connect();
  }

  async openSession() {
    if (!this.opening) {
      this.opening = (async () => {
        const res = await fetch(`${this.server}/api/chat/sessions`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ pageUrl: String(location.href).slice(0, 2000), locale: 'zh-CN' }),
        });
        if (res.status !== 201) throw new HttpError(res.status, Number(res.headers.get('Retry-After')) || 0);
        const body = await res.json();
        this.session = { conversationId: body.conversationId, token: body.token };
        this.store.saveSession(this.session);
        this.lastSeq = 0;
        if (this.pending.length) this.savePending();
      })().finally(() => { this.opening = null; });
    }
    return this.opening;
  }

  /** Connects now unless connected or connecting (also used by online / visibilitychange). */
  connect() {
    clearTimeout(this.timer);
    this.timer = null;
    if (this.client || !this.session) return;
    const gen = ++this.gen;
    const client = new Client({
      webSocketFactory: () => new WebSocket(this.wsUrl),
      connectHeaders: { token: this.session.token },
      reconnectDelay: 0,            // reconnecting is ours: backoff with jitter, and a replay after each connect
      heartbeatIncoming: 10000,
      heartbeatOutgoing: 10000,
      connectionTimeout: 10000,
      debug: () => {},
    });
    this.client = client;
    this.ready = false;
    this.buffer = [];
    this.setState('connecting');
    client.onConnect = () => {
      if (gen !== this.gen) return;
      const receipt = `sub-${gen}`;
      client.watchForReceipt(receipt, () => this.subscribed(gen));
      client.subscribe(EVENTS, (frame) => this.frame(gen, frame), { receipt });
    };
    client.onStompError = (frame) => {
      if (gen === this.gen && frame.headers.message === 'unauthorized') this.sessionLost();
    };
    client.onWebSocketClose = () => this.closed(gen);
    client.activate();
  }

  closed(gen) {
    if (gen !== this.gen) return;
    const old = this.client;
    this.client = null;
    this.ready = false;
    if (old) old.deactivate();
    this.setState('offline');
    if (this.session) this.scheduleReconnect();
  }

  scheduleReconnect() {
    clearTimeout(this.timer);
    const base = Math.min(30000, 1000 * 2 ** Math.min(this.attempt, 5));
    this.attempt += 1;
    this.timer = setTimeout(() => this.connect(), Math.round(base * (0.7 + Math.random() * 0.6)));
  }

  /** Drops the connection at once (the next attempt follows the backoff). */
  drop() {
    if (this.client) this.client.forceDisconnect();
  }

  /** The subscription is live: replay what we missed, then go live and send what is pending. */
  async subscribed(gen) {
    try {
      await this.replay(gen);
    } catch (e) {
      if (gen !== this.gen) return;
      if (e instanceof HttpError && e.status === 401) { this.sessionLost(); return; }
      this.drop();
      return;
    }
    if (gen !== this.gen) return;
    const buffered = this.buffer.sort((a, b) => a.seq - b.seq);
    this.buffer = [];
    this.ready = true;
    this.attempt = 0;
    buffered.forEach((e) => this.live(e));
    this.setState('online');
    this.pump();
  }

  async replay(gen) {
    for (;;) {
      const res = await fetch(`${this.server}/api/chat/sessions/${encodeURIComponent(this.session.conversationId)}`
        + `/events?afterSeq=${this.lastSeq}&limit=${PAGE}`, {
        headers: { Authorization: `Bearer ${this.session.token}` },
        cache: 'no-store',
      });
      if (!res.ok) throw new HttpError(res.status, 0);
      const events = await res.json();
      if (gen !== this.gen) return;
      events.forEach((e) => this.apply(e));
      if (events.length < PAGE) return;
    }
  }

  frame(gen, frame) {
    if (gen !== this.gen) return;
    let e;
    try { e = JSON.parse(frame.body); } catch (ignored) { return; }
    if (typeof e.seq !== 'number') {       // transient hints (typing) carry no seq and are never replayed
      if (this.ready) this.on.typing(e);
      return;
    }
    if (!this.ready) this.buffer.push(e);
    else this.live(e);
  }

  live(e) {
    if (e.seq <= this.lastSeq) return;
    if (e.seq === this.lastSeq + 1) {
      this.apply(e);
      this.drainBuffer();
      return;
    }
    this.buffer.push(e);                    // a gap: keep it and fill the gap from the log
    this.fillGap();
  }

  drainBuffer() {
    if (!this.buffer.length) return;
    this.buffer.sort((a, b) => a.seq - b.seq);
    while (this.buffer.length && this.buffer[0].seq <= this.lastSeq + 1) {
      const e = this.buffer.shift();
      if (e.seq === this.lastSeq + 1) this.apply(e);
    }
  }

  /** Also called when the page becomes visible again: a sleeping tab may have missed events. */
  async fillGap() {
    if (this.filling || !this.ready) return;
    this.filling = true;
    const gen = this.gen;
    try {
      await this.replay(gen);
      if (gen === this.gen) this.drainBuffer();
    } catch (e) {
      if (gen === this.gen) this.drop();
    } finally {
      this.filling = false;
    }
  }

  apply(e) {
    if (e.seq !== this.lastSeq + 1) {
      if (e.seq > this.lastSeq + 1) this.buffer.push(e);
      return;
    }
    this.lastSeq = e.seq;
    const id = e.clientMessageId;
    if (id) {
      const p = this.pending.find((m) => m.clientMessageId === id);
      if (p && e.sender === 'user' && e.type === 'message') {
        this.pending = this.pending.filter((m) => m !== p);
        this.savePending();
      } else if (p && e.type === 'error') {
        if (/太快|频繁/.test(e.text || '')) {   // rate limited: not stored, try again a little later
          p.retryAt = Date.now() + SLOW_DOWN_RETRY;
          p.sentGen = 0;
          this.on.notice('slowDown');
          clearTimeout(this.pumpTimer);
          this.pumpTimer = setTimeout(() => this.pump(), SLOW_DOWN_RETRY + 50);
        } else {
          p.failed = e.text || '';
        }
        this.savePending();
      }
    }
    this.on.event(e);
  }

  /** Queues a message (text or quick-reply action) and sends it when the connection allows. */
  send(message) {
    const entry = { clientMessageId: newId(), ...message, sentGen: 0 };
    this.pending.push(entry);
    this.savePending();
    if (!this.session || !this.client) {
      this.start().catch((e) => this.openFailed(e));
    }
    this.pump();
    return entry;
  }

  openFailed(e) {
    const seconds = e instanceof HttpError && e.status === 429 ? Math.max(1, e.retryAfter || 5) : 0;
    this.on.notice(seconds ? 'tooMany' : 'openFailed', seconds);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.start().catch((err) => this.openFailed(err)),
      seconds ? seconds * 1000 : Math.min(30000, 2000 * 2 ** Math.min(this.attempt++, 4)));
  }

  /** Sends pending messages one by one, paced under the server's rate limit. */
  pump() {
    clearTimeout(this.pumpTimer);
    this.pumpTimer = null;
    if (!this.ready || !this.client) return;
    const now = Date.now();
    this.sentTimes = this.sentTimes.filter((t) => t > now - SEND_WINDOW);
    let wait = Infinity;
    let next = null;
    for (const m of this.pending) {
      if (m.failed) continue;
      const due = m.sentGen === this.gen ? m.sentAt + ACK_TIMEOUT : (m.retryAt || 0);
      if (due <= now) { next = m; break; }
      wait = Math.min(wait, due - now);
    }
    if (next) {
      const last = this.sentTimes[this.sentTimes.length - 1] || 0;
      if (this.sentTimes.length >= SEND_BUDGET) wait = this.sentTimes[0] + SEND_WINDOW - now + 20;
      else if (now - last < SEND_GAP) wait = SEND_GAP - (now - last);
      else {
        const body = { clientMessageId: next.clientMessageId };
        if (next.action) body.action = next.action; else body.text = next.text;
        this.client.publish({ destination: SEND, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
        next.sentGen = this.gen;
        next.sentAt = now;
        next.retryAt = 0;
        this.sentTimes.push(now);
        wait = 0;
      }
    }
    if (wait !== Infinity) this.pumpTimer = setTimeout(() => this.pump(), wait);
  }

  /** Stops the current connection and forgets the conversation: its token and how far it was read. */
  forgetSession() {
    this.gen += 1;
    const old = this.client;
    this.client = null;
    this.ready = false;
    if (old) old.deactivate();
    this.session = null;
    this.store.clearSession();
    this.lastSeq = 0;
  }

  /** The token is gone (unknown to the server): start a new conversation, keeping unsent messages. */
  sessionLost() {
    this.forgetSession();
    this.pending.forEach((m) => { m.sentGen = 0; });
    this.on.reset('lost');
    this.setState('connecting');
    this.start().catch((e) => this.openFailed(e));
  }

  /** Forgets this conversation (after it was closed) and opens a new one. */
  restart() {
    this.forgetSession();
    this.pending = [];
    this.on.reset('new');
    this.start().catch((e) => this.openFailed(e));
  }

  retry(id) {
    const p = this.pending.find((m) => m.clientMessageId === id);
    if (p) { p.failed = null; p.sentGen = 0; p.retryAt = 0; this.savePending(); this.pump(); }
  }

  savePending() {
    if (this.session) this.store.savePending(this.session.conversationId, this.pending);
    this.on.pending(this.pending);
  }

  setState(s) {
    this.state = s;
    this.on.status(s);
  }
}
