// The demo invoice site's lookup: it never finds anything, which is exactly when visitors need the chat.
(function () {
  var form = document.getElementById('lookup');
  var result = document.getElementById('result');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var number = form.number.value.trim();
    result.replaceChildren();
    var title = document.createElement('h2');
    var text = document.createElement('p');
    if (!number || !form.date.value) {
      title.textContent = '请填写发票号码和开票日期';
      text.textContent = '带 * 的项目为必填项。';
    } else {
      title.textContent = '未查询到该发票信息';
      text.textContent = '发票号码 ' + number + ' 在北京发票系统中暂无记录。请核对票面信息后重试；'
        + '若仍查不到，可点击右下角“在线客服”，智能助手会陪您一步步排查。';
    }
    result.append(title, text);
    result.hidden = false;
  });
  form.addEventListener('reset', function () { result.hidden = true; });
}());
