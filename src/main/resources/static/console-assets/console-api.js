// What the console pages share: calls to the console's JSON API (the CSRF token on every change, back to the
// sign-in page when the session is gone, the server's zh-CN error as the message), table cells and action buttons.
// Text goes into the page via textContent only. Loaded before each page's own script.
window.ConsoleApi = (function () {
  'use strict';
  let csrf = null;

  /** The CSRF token of this session (from /api/console/me), sent with every request that changes something. */
  function useCsrf(token) { csrf = token || null; }

  async function api(method, path, body) {
    const headers = { 'Accept': 'application/json' };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    if (method !== 'GET' && csrf) { headers[csrf.headerName] = csrf.token; }
    const response = await fetch(path, { method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
    if (response.status === 401) { location.href = '/login?expired'; throw new Error('401'); }
    const text = await response.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
    if (!response.ok) {
      const message = data && (data.error || (data.errors && data.errors.map(function (e) { return e.message; }).join(' ')));
      const error = new Error(message || ('请求失败 (' + response.status + ')'));
      error.status = response.status;
      throw error;
    }
    return data;
  }

  /** A table cell with the text, appended to the row. */
  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text == null ? '' : text;
    row.appendChild(td);
    return td;
  }

  /**
   * A button that runs the action (a promise, or false when the person cancelled), then {@code done}; an error's
   * message goes to {@code fail}.
   */
  function button(label, action, done, fail) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', function () {
      Promise.resolve(action()).then(function (r) { if (r !== false) { return done(); } })
        .catch(function (e) { fail(e.message); });
    });
    return b;
  }

  return { useCsrf: useCsrf, api: api, cell: cell, button: button };
})();
