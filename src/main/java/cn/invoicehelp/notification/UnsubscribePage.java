package cn.invoicehelp.notification;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The page behind the unsubscribe link. Opening the link only asks (mail scanners open links); the button unsubscribes.
 */
@Controller
class UnsubscribePage {

    private final NotificationService notifications;

    UnsubscribePage(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping(value = "/notifications/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirm(@RequestParam(required = false) String token, HttpServletRequest request) {
        SubscriptionView s;
        try {
            s = notifications.byToken(token);
        } catch (NotificationException.NotFound e) {
            return page(HttpStatus.NOT_FOUND, "退订链接无效", "<p>退订链接无效或已过期。</p>");
        }
        if (!"ACTIVE".equals(s.status())) {
            return page(HttpStatus.OK, "已退订", "<p>这个订阅已经结束，不会再收到通知。</p>");
        }
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String hidden = csrf == null ? "" : "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(csrf.getParameterName())
                + "\" value=\"" + HtmlUtils.htmlEscape(csrf.getToken()) + "\">";
        String who = String.join(" / ", java.util.stream.Stream.of(s.phone(), s.email())
                .filter(java.util.Objects::nonNull).toList());
        return page(HttpStatus.OK, "退订通知", "<p>退订后，" + HtmlUtils.htmlEscape(who) + " 将不再收到"
                + (s.targetType().equals("INCIDENT") ? "这起故障" : "故障报告 " + HtmlUtils.htmlEscape(s.targetId()))
                + "的进展通知，您的联系方式会立即删除。</p>"
                + "<form method=\"post\" action=\"/notifications/unsubscribe\">" + hidden
                + "<input type=\"hidden\" name=\"token\" value=\"" + HtmlUtils.htmlEscape(token) + "\">"
                + "<button type=\"submit\">确认退订</button></form>");
    }

    @PostMapping(value = "/notifications/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> unsubscribe(@RequestParam(required = false) String token) {
        try {
            notifications.unsubscribe(token);
        } catch (NotificationException.NotFound e) {
            return page(HttpStatus.NOT_FOUND, "退订链接无效", "<p>退订链接无效或已过期。</p>");
        }
        return page(HttpStatus.OK, "已退订", "<p>已退订，您的联系方式已删除，不会再收到这项通知。</p>");
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        String html = "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                + " · 北京发票自助服务中心</title></head><body><main><h1>" + title + "</h1>" + body
                + "<p><a href=\"/help\">返回帮助中心</a></p></main></body></html>";
        return ResponseEntity.status(status).contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .body(html);
    }
}
