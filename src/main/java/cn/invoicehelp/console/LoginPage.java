package cn.invoicehelp.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/** The zh-CN sign-in page of the console (form fields username, password and the CSRF token). */
@Controller
class LoginPage {

    @GetMapping("/login")
    ResponseEntity<String> login(HttpServletRequest request) {
        String message = request.getParameter("error") != null ? "用户名或密码错误，或账号已停用。"
                : request.getParameter("logout") != null ? "您已安全退出。"
                : request.getParameter("expired") != null ? "登录已过期，请重新登录。" : null;
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.TEXT_HTML)
                .body(render(request, message));
    }

    static String render(HttpServletRequest request, String message) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String hidden = csrf == null ? "" : "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(csrf.getParameterName())
                + "\" value=\"" + HtmlUtils.htmlEscape(csrf.getToken()) + "\">";
        String notice = message == null ? "" : "<p class=\"notice\" role=\"alert\">" + HtmlUtils.htmlEscape(message) + "</p>";
        return """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>客服登录 · 北京发票自助服务中心</title>
                <link rel="stylesheet" href="/console-assets/console.css">
                </head>
                <body class="login">
                <main class="login-box">
                <h1>客服工作台登录</h1>
                %s
                <form method="post" action="/login">
                <label>用户名 <input name="username" id="username" autocomplete="username" required maxlength="60"></label>
                <label>密码 <input name="password" id="password" type="password" autocomplete="current-password" required maxlength="200"></label>
                %s
                <button type="submit" id="login">登录</button>
                </form>
                </main>
                </body>
                </html>
                """.formatted(notice, hidden);
    }
}
