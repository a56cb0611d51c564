// Page banner of the announcements in force (maintenance, fault bulletins, recovery notices) for the help center and
// the homepage. Every text is set with textContent: a title "<script>…</script>" shows those characters.
(function () {
  'use strict';
  var LEVEL = { CRITICAL: ['#fef2f2', '#b91c1c'], WARNING: ['#fffbeb', '#b45309'], INFO: ['#eff6ff', '#1d4ed8'] };
  var KIND = { MAINTENANCE: '维护通知', INCIDENT: '故障通报', RECOVERY: '恢复通知', NOTICE: '通知' };
  var STAGE = { CONFIRMING: '确认问题', REPAIRING: '修复中', TESTING: '测试验证', NOTIFYING: '通知用户', CLOSED: '已恢复' };

  function el(tag, text, style) {
    var node = document.createElement(tag);
    if (text != null) node.textContent = text;
    if (style) node.setAttribute('style', style);
    return node;
  }

  function when(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) return '';
    return d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit',
      minute: '2-digit', hour12: false });
  }

  function render(items) {
    var old = document.getElementById('status-banners');
    if (old) old.remove();
    if (!Array.isArray(items) || items.length === 0) return;
    var box = el('section', null, 'margin:0;padding:0');
    box.id = 'status-banners';
    box.setAttribute('aria-label', '系统公告');
    items.slice(0, 3).forEach(function (a) {
      var colors = LEVEL[a.level] || LEVEL.INFO;
      var item = el('div', null, 'background:' + colors[0] + ';border-left:4px solid ' + colors[1]
        + ';padding:10px 16px;margin:0;font-size:15px;line-height:1.6');
      item.className = 'status-banner';
      item.setAttribute('role', a.level === 'CRITICAL' ? 'alert' : 'status');
      item.dataset.id = a.id;
      item.dataset.kind = a.kind;
      item.appendChild(el('strong', (KIND[a.kind] || '通知') + '：', 'color:' + colors[1]));
      item.appendChild(el('span', a.title, 'font-weight:600')).className = 'status-banner-title';
      var details = [];
      if (a.incidentStage) details.push('当前进展：' + (STAGE[a.incidentStage] || a.incidentStage));
      if (a.expectedEnd) details.push((a.kind === 'MAINTENANCE' ? '预计结束：' : '预计恢复：') + when(a.expectedEnd));
      if (details.length) item.appendChild(el('span', '（' + details.join('，') + '）'));
      if (a.body) item.appendChild(el('div', a.body, 'white-space:pre-line;color:#374151')).className = 'status-banner-body';
      box.appendChild(item);
    });
    var header = document.querySelector('body > header');
    if (header && header.nextSibling) header.parentNode.insertBefore(box, header.nextSibling);
    else document.body.insertBefore(box, document.body.firstChild);
  }

  function load() {
    fetch('/api/announcements/active', { headers: { Accept: 'application/json' } })
      .then(function (res) { return res.ok ? res.json() : []; })
      .then(render)
      .catch(function () { /* no banner when the list cannot be read */ });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', load);
  else load();
  // Scheduled windows start and end by themselves: look again every minute.
  setInterval(load, 60000);
})();
