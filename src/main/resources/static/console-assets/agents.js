// Admin page: agent accounts (create, disable/enable, reset password) and canned replies. Text via textContent only.
(function () {
  'use strict';
  const $ = function (id) { return document.getElementById(id); };
  let csrf = null;

  function cell(row, text) { const td = document.createElement('td'); td.textContent = text; row.appendChild(td); return td; }
  function say(text) { $('message').textContent = text || ''; }

  async function api(method, path, body) {
    const headers = { 'Accept': 'application/json' };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    if (method !== 'GET' && csrf) { headers[csrf.headerName] = csrf.token; }
    const response = await fetch(path, { method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
    if (response.status === 401) { location.href = '/login?expired'; throw new Error('401'); }
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    if (!response.ok) {
      throw new Error((data && (data.error || (data.errors && data.errors.map(function (e) { return e.message; }).join(' '))))
        || ('请求失败 (' + response.status + ')'));
    }
    return data;
  }

  function button(label, action) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', function () { action().then(load).catch(function (e) { say(e.message); }); });
    return b;
  }

  async function load() {
    const agents = await api('GET', '/api/console/agents');
    const body = $('agents');
    body.textContent = '';
    agents.forEach(function (a) {
      const row = document.createElement('tr');
      cell(row, a.username); cell(row, a.displayName); cell(row, a.roles.join(', '));
      cell(row, (a.enabled ? '启用' : '已停用') + ' · ' + ({ online: '在线', away: '离开', offline: '离线' })[a.presence]);
      const actions = cell(row, '');
      const path = '/api/console/agents/' + encodeURIComponent(a.username);
      actions.appendChild(button(a.enabled ? '停用' : '启用', function () { return api('POST', path + (a.enabled ? '/disable' : '/enable')); }));
      actions.appendChild(button('重置密码', function () {
        const password = prompt('新密码（至少 8 个字符）');
        return password ? api('POST', path + '/password', { password: password }) : Promise.resolve();
      }));
      body.appendChild(row);
    });
    const replies = await api('GET', '/api/console/canned-replies');
    const list = $('canned');
    list.textContent = '';
    replies.forEach(function (r) {
      const li = document.createElement('li');
      const b = document.createElement('b'); b.textContent = r.title + '：'; li.appendChild(b);
      li.appendChild(document.createTextNode(r.text + ' '));
      li.appendChild(button('删除', function () { return api('DELETE', '/api/console/canned-replies/' + r.id); }));
      list.appendChild(li);
    });
  }

  async function start() {
    const me = await api('GET', '/api/console/me');
    csrf = me.csrf;
    $('new-agent').addEventListener('submit', function (e) {
      e.preventDefault();
      api('POST', '/api/console/agents', { username: $('agent-username').value, displayName: $('agent-display').value,
        password: $('agent-password').value }).then(function () { say('账号已创建。'); e.target.reset(); return load(); })
        .catch(function (err) { say(err.message); });
    });
    $('new-canned').addEventListener('submit', function (e) {
      e.preventDefault();
      api('POST', '/api/console/canned-replies', { title: $('canned-title').value, text: $('canned-text').value })
        .then(function () { e.target.reset(); return load(); }).catch(function (err) { say(err.message); });
    });
    await load();
  }

  start().catch(function (e) { if (e.message !== '401') { say(e.message); } });
})();
