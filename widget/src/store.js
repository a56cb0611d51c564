// What survives a reload. The conversation (id + token) is shared by all tabs of the site (localStorage), so every
// tab shows the same chat; messages not yet echoed stay with their tab (sessionStorage) so two tabs never send each
// other's. `lastSeq` is the highest seq the visitor has seen: everything newer counts as unread.
function safe(area) {
  try {
    const s = window[area];
    const k = '__ih_probe__';
    s.setItem(k, '1');
    s.removeItem(k);
    return s;
  } catch (e) {
    const memory = new Map();   // private mode or blocked storage: keep it for this page only
    return {
      getItem: (k) => (memory.has(k) ? memory.get(k) : null),
      setItem: (k, v) => memory.set(k, String(v)),
      removeItem: (k) => memory.delete(k),
    };
  }
}

function read(area, key) {
  try { return JSON.parse(area.getItem(key)); } catch (e) { return null; }
}

export function createStore(server) {
  const local = safe('localStorage');
  const tab = safe('sessionStorage');
  const key = `invoicehelp-chat:${server}`;
  return {
    session() {
      const s = read(local, key);
      return s && typeof s.token === 'string' && typeof s.conversationId === 'string' ? s : null;
    },
    saveSession(s) { local.setItem(key, JSON.stringify({ conversationId: s.conversationId, token: s.token, lastSeq: 0 })); },
    clearSession() { local.removeItem(key); },
    lastSeq() { const s = read(local, key); return (s && s.lastSeq) || 0; },
    saveLastSeq(seq) {
      const s = read(local, key);
      if (s && seq > (s.lastSeq || 0)) { s.lastSeq = seq; local.setItem(key, JSON.stringify(s)); }
    },
    pending(conversationId) { return read(tab, `${key}:pending:${conversationId}`) || []; },
    savePending(conversationId, list) {
      const k = `${key}:pending:${conversationId}`;
      if (list.length) tab.setItem(k, JSON.stringify(list)); else tab.removeItem(k);
    },
    flag(name) { return read(local, `${key}:${name}`); },
    setFlag(name, value) { local.setItem(`${key}:${name}`, JSON.stringify(value)); },
    tabFlag(name) { return read(tab, `${key}:${name}`); },
    setTabFlag(name, value) { tab.setItem(`${key}:${name}`, JSON.stringify(value)); },
  };
}
