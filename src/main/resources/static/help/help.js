// Help center: search-as-you-type, results with highlighted snippets, categories, articles and feedback.
// User text is only ever set with textContent; snippets are rebuilt from text nodes and <mark> only.
(function () {
  'use strict';

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text != null) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  function safeSnippet(html) {
    var template = document.createElement('template');
    template.innerHTML = html || '';
    var out = document.createDocumentFragment();
    template.content.childNodes.forEach(function (node) {
      if (node.nodeType === Node.TEXT_NODE) out.appendChild(document.createTextNode(node.textContent));
      else if (node.nodeName === 'MARK') out.appendChild(el('mark', node.textContent));
      else out.appendChild(document.createTextNode(node.textContent || ''));
    });
    return out;
  }

  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (res) {
      return res.json().then(function (body) { return { ok: res.ok, status: res.status, body: body }; });
    });
  }

  function debounce(fn, ms) {
    var timer;
    return function () { var args = arguments; clearTimeout(timer); timer = setTimeout(function () { fn.apply(null, args); }, ms); };
  }

  function initIndex() {
    var form = document.getElementById('search-form');
    var input = document.getElementById('q');
    var list = document.getElementById('suggestions');
    var results = document.getElementById('results');
    var selected = -1;

    function hideSuggestions() { list.hidden = true; list.textContent = ''; selected = -1; input.setAttribute('aria-expanded', 'false'); }

    function showSuggestions(items) {
      list.textContent = '';
      items.forEach(function (text, i) {
        var li = el('li', text);
        li.setAttribute('role', 'option');
        li.id = 'suggestion-' + i;
        li.addEventListener('mousedown', function (e) { e.preventDefault(); input.value = text; hideSuggestions(); search(text); });
        list.appendChild(li);
      });
      list.hidden = items.length === 0;
      input.setAttribute('aria-expanded', String(items.length > 0));
    }

    var suggest = debounce(function (q) {
      if (!q.trim()) { hideSuggestions(); return; }
      getJson('/api/faq/suggest?q=' + encodeURIComponent(q)).then(function (r) {
        if (input.value === q) showSuggestions(r.ok ? r.body : []);
      }).catch(hideSuggestions);
    }, 150);

    function search(q) {
      hideSuggestions();
      results.textContent = '';
      if (!q.trim()) return;
      history.replaceState(null, '', '/help?q=' + encodeURIComponent(q));
      getJson('/api/faq/search?limit=5&q=' + encodeURIComponent(q)).then(function (r) {
        results.textContent = '';
        if (!r.ok) { results.appendChild(el('p', r.body.error || '搜索失败,请稍后再试。', 'notice')); return; }
        if (r.body.outOfScope) {
          // A question this service does not handle: say so honestly and where to go, above any results.
          var scope = el('div', null, 'out-of-scope');
          scope.id = 'out-of-scope';
          scope.setAttribute('role', 'note');
          scope.appendChild(el('strong', '这个问题不在本服务范围内'));
          scope.appendChild(el('p', r.body.outOfScope.message));
          results.appendChild(scope);
        } else if (r.body.answer) {
          var answer = el('div', null, 'answer');
          answer.id = 'answer';
          answer.appendChild(el('strong', '答案'));
          r.body.answer.text.split('\n').forEach(function (line) { answer.appendChild(el('p', line)); });
          var more = el('a', '查看完整文章');
          more.href = '/help/articles/' + encodeURIComponent(r.body.answer.slug);
          answer.appendChild(more);
          results.appendChild(answer);
        } else if (!r.body.bestMatch) {
          results.appendChild(el('p', '没有找到确切的答案。您可以换个说法,或查看下面可能相关的文章;仍未解决可点击右下角的“在线客服”，与智能助手对话或转人工客服。', 'notice'));
        }
        r.body.results.forEach(function (hit) {
          var box = el('div', null, 'result');
          var link = el('a', hit.title);
          link.href = '/help/articles/' + encodeURIComponent(hit.slug);
          box.appendChild(link);
          if (hit.slug === r.body.bestMatch) box.appendChild(el('span', '最佳答案', 'best'));
          box.appendChild(el('div', hit.category, 'meta'));
          var p = el('p');
          p.appendChild(safeSnippet(hit.snippet));
          box.appendChild(p);
          results.appendChild(box);
        });
      }).catch(function () { results.appendChild(el('p', '网络异常,请检查网络后重试。', 'notice')); });
    }

    input.addEventListener('input', function () { suggest(input.value); });
    input.addEventListener('keydown', function (e) {
      var items = list.querySelectorAll('li');
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (!items.length) return;
        e.preventDefault();
        selected = (selected + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
        items.forEach(function (li, i) { li.setAttribute('aria-selected', String(i === selected)); });
        input.setAttribute('aria-activedescendant', items[selected].id);
      } else if (e.key === 'Enter' && selected >= 0 && items[selected]) {
        input.value = items[selected].textContent;
      } else if (e.key === 'Escape') { hideSuggestions(); }
    });
    input.addEventListener('blur', function () { setTimeout(hideSuggestions, 100); });
    form.addEventListener('submit', function (e) { e.preventDefault(); search(input.value); });

    var initial = new URLSearchParams(location.search).get('q');
    if (initial) { input.value = initial; search(initial); }

    getJson('/api/faq/categories').then(function (r) {
      var section = document.getElementById('categories');
      section.appendChild(el('h2', '按分类浏览'));
      r.body.forEach(function (category) {
        var box = el('div', null, 'card category');
        box.appendChild(el('h3', category.name));
        var ul = el('ul');
        category.articles.forEach(function (a) {
          var li = el('li'); var link = el('a', a.title); link.href = '/help/articles/' + encodeURIComponent(a.slug);
          li.appendChild(link); ul.appendChild(li);
        });
        box.appendChild(ul);
        section.appendChild(box);
      });
    });
  }

  function initArticle() {
    var slug = decodeURIComponent(location.pathname.split('/').pop());
    var box = document.getElementById('article');
    getJson('/api/faq/articles/' + encodeURIComponent(slug)).then(function (r) {
      box.textContent = '';
      if (!r.ok) { box.appendChild(el('p', r.body.error || '找不到这篇文章。', 'notice')); return; }
      var a = r.body;
      document.title = a.title + ' · 帮助中心';
      box.appendChild(el('div', a.category, 'notice'));
      box.appendChild(el('h1', a.title));
      var body = el('div');
      body.innerHTML = a.body; // rendered server-side from our own Markdown with raw HTML escaped
      box.appendChild(body);
      var related = document.getElementById('related');
      a.related.forEach(function (rel) {
        var li = el('li'); var link = el('a', rel.title); link.href = '/help/articles/' + encodeURIComponent(rel.slug);
        li.appendChild(link); related.querySelector('ul').appendChild(li);
      });
      related.hidden = a.related.length === 0;
      initFeedback(slug);
    }).catch(function () { box.textContent = '网络异常,请检查网络后刷新页面。'; });
  }

  function initFeedback(slug) {
    var section = document.getElementById('feedback');
    var status = document.getElementById('feedback-status');
    section.hidden = false;
    section.querySelectorAll('button').forEach(function (button) {
      button.addEventListener('click', function () {
        section.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
        fetch('/api/faq/articles/' + encodeURIComponent(slug) + '/feedback', {
          method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ helpful: button.dataset.helpful === 'true' })
        }).then(function (res) {
          status.textContent = res.ok ? '感谢您的反馈!' : '提交失败,请稍后再试。';
          if (!res.ok) section.querySelectorAll('button').forEach(function (b) { b.disabled = false; });
        }).catch(function () {
          status.textContent = '网络异常,反馈未提交。';
          section.querySelectorAll('button').forEach(function (b) { b.disabled = false; });
        });
      });
    });
  }

  if (document.getElementById('search-form')) initIndex();
  if (document.getElementById('article')) initArticle();
})();
