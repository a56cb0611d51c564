// Admin page: agent accounts (create, disable/enable, reset password) and canned replies. Text via textContent only.
(function () {
  'use strict';
  const $ = function (id) { return document.getElementById(id); };
  const api = ConsoleApi.api;
  const cell = ConsoleApi.cell;

  function say(text) { $('message').textContent = text || ''; }
  function button(label, action) { return ConsoleApi.button(label, action, load, say); }

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
    ConsoleApi.useCsrf(me.csrf);
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
