// A minimal STOMP 1.2 client over a native WebSocket: CONNECT, SUBSCRIBE, MESSAGE, ERROR. Enough for the console's
// read-only live updates (all actions go through the REST API).
(function () {
  'use strict';
  function parse(frame) {
    const end = frame.indexOf('\n\n');
    const head = (end < 0 ? frame : frame.slice(0, end)).split('\n');
    const headers = {};
    head.slice(1).forEach(function (line) {
      const i = line.indexOf(':');
      if (i > 0 && !(line.slice(0, i) in headers)) {
        headers[line.slice(0, i)] = line.slice(i + 1).replace(/\\c/g, ':').replace(/\\n/g, '\n').replace(/\\\\/g, '\\');
      }
    });
    return { command: head[0], headers: headers, body: end < 0 ? '' : frame.slice(end + 2) };
  }

  function StompLite(url, handlers) {
    this.url = url;
    this.handlers = handlers;
    this.subs = {};
    this.nextId = 0;
    this.delay = 1000;
    this.stopped = false;
  }

  StompLite.prototype.start = function () {
    const self = this;
    let buffer = '';
    const ws = new WebSocket(this.url);
    this.ws = ws;
    this.connected = false;
    ws.onopen = function () {
      ws.send('CONNECT\naccept-version:1.2\nhost:' + location.host + '\nheart-beat:0,0\n\n\u0000');
    };
    ws.onmessage = function (event) {
      buffer += event.data;
      let i;
      while ((i = buffer.indexOf('\u0000')) >= 0) {
        const raw = buffer.slice(0, i).replace(/^\n+/, '');
        buffer = buffer.slice(i + 1);
        if (raw) {
          self.frame(parse(raw));
        }
      }
    };
    ws.onclose = function () {
      self.connected = false;
      self.handlers.onDisconnect && self.handlers.onDisconnect();
      if (!self.stopped) {
        setTimeout(function () { self.start(); }, self.delay + Math.random() * 500);
        self.delay = Math.min(self.delay * 2, 30000);
      }
    };
  };

  StompLite.prototype.frame = function (f) {
    if (f.command === 'CONNECTED') {
      this.connected = true;
      this.delay = 1000;
      Object.keys(this.subs).forEach(function (id) { this.sendSubscribe(id); }, this);
      this.handlers.onConnect && this.handlers.onConnect();
    } else if (f.command === 'MESSAGE') {
      const sub = this.subs[f.headers.subscription];
      if (sub) {
        let body = null;
        try { body = JSON.parse(f.body); } catch (e) { return; }
        sub.callback(body);
      }
    } else if (f.command === 'ERROR') {
      this.handlers.onError && this.handlers.onError(f.headers.message || 'error', f.body);
    }
  };

  StompLite.prototype.sendSubscribe = function (id) {
    if (this.connected) {
      this.ws.send('SUBSCRIBE\nid:' + id + '\ndestination:' + this.subs[id].destination + '\n\n\u0000');
    }
  };

  StompLite.prototype.subscribe = function (destination, callback) {
    const id = 'sub-' + (this.nextId++);
    this.subs[id] = { destination: destination, callback: callback };
    this.sendSubscribe(id);
    return id;
  };

  StompLite.prototype.unsubscribe = function (id) {
    if (this.subs[id]) {
      delete this.subs[id];
      if (this.connected) {
        this.ws.send('UNSUBSCRIBE\nid:' + id + '\n\n\u0000');
      }
    }
  };

  window.StompLite = StompLite;
})();
