package cn.invoicehelp.chat.web;

import cn.invoicehelp.chat.ChatSessions;
import cn.invoicehelp.chat.EventLog;
import cn.invoicehelp.chat.EventView;
import cn.invoicehelp.chat.IncomingMessage;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Opens chat sessions and replays the events a client missed. */
@RestController
@RequestMapping("/api/chat/sessions")
class ChatSessionController {

    static final int MAX_REPLAY = 1000;

    record OpenRequest(String pageUrl, String locale) {
    }

    private final ChatSessions sessions;
    private final EventLog log;
    private final SessionCreationLimit limit;

    ChatSessionController(ChatSessions sessions, EventLog log, SessionCreationLimit limit) {
        this.sessions = sessions;
        this.log = log;
        this.limit = limit;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> open(@RequestBody(required = false) OpenRequest request,
                                             HttpServletRequest http) {
        long wait = limit.tryOpen(http.getRemoteAddr());
        if (wait > 0) {
            throw new ChatApiErrors.TooManySessions(wait);
        }
        String pageUrl = request == null ? null : request.pageUrl();
        String locale = request == null ? null : request.locale();
        if (pageUrl != null && pageUrl.length() > 2000) {
            throw new ChatApiErrors.BadRequest("pageUrl 太长（最多 2000 个字符）。");
        }
        if (locale != null && !locale.matches("[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8}){0,3}")) {
            throw new ChatApiErrors.BadRequest("locale 格式不正确，例如 zh-CN。");
        }
        ChatSessions.Created created = sessions.open(pageUrl, locale);
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(Map.of("conversationId", created.conversationId(), "token", created.token()));
    }

    record RatingRequest(Integer score, String comment) {
    }

    /** The visitor rates a conversation an agent closed; once. */
    @PostMapping("/{conversationId}/rating")
    ResponseEntity<Map<String, Object>> rate(@PathVariable String conversationId,
                                             @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                                             String authorization,
                                             @RequestBody(required = false) RatingRequest request) {
        UUID conversation = authorize(conversationId, authorization);
        if (request == null || request.score() == null || request.score() < 1 || request.score() > 5) {
            throw new ChatApiErrors.BadRequest("score 必须是 1 到 5 之间的整数。");
        }
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        if (comment != null && (comment.length() > 500 || IncomingMessage.hasControlCharacters(comment))) {
            throw new ChatApiErrors.BadRequest("comment 最多 500 个字符，且不能包含控制字符。");
        }
        return switch (sessions.rate(conversation, request.score(), comment)) {
            case STORED -> {
                Map<String, Object> body = new java.util.LinkedHashMap<>();
                body.put("score", request.score());
                if (comment != null) {
                    body.put("comment", comment);
                }
                yield ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(body);
            }
            case NOT_CLOSED -> ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(Map.of("error", "会话尚未由客服结束，暂时不能评价。"));
            case ALREADY_RATED -> ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(Map.of("error", "您已经评价过本次服务，感谢您的反馈。"));
        };
    }

    @GetMapping("/{conversationId}/events")
    ResponseEntity<List<EventView>> events(@PathVariable String conversationId,
                                           @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                                           String authorization,
                                           @RequestParam(required = false) String afterSeq,
                                           @RequestParam(required = false) String limit) {
        UUID conversation = authorize(conversationId, authorization);
        long after = number(afterSeq, 0, Long.MAX_VALUE, 0, "afterSeq 必须是不小于 0 的整数。");
        int max = (int) number(limit, 1, MAX_REPLAY, MAX_REPLAY, "limit 必须是 1 到 " + MAX_REPLAY + " 之间的整数。");
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(log.after(conversation, after, max));
    }

    /** 401 without a valid token, 403 for another conversation's token, 404 for an unknown conversation. */
    private UUID authorize(String conversationId, String authorization) {
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7) : null;
        UUID owned = sessions.conversationOf(token).orElseThrow(ChatApiErrors.Unauthorized::new);
        UUID requested;
        try {
            requested = UUID.fromString(conversationId);
        } catch (IllegalArgumentException e) {
            throw new ChatApiErrors.NotFound();
        }
        if (owned.equals(requested)) {
            return owned;
        }
        throw sessions.exists(requested) ? new ChatApiErrors.Forbidden() : new ChatApiErrors.NotFound();
    }

    private static long number(String value, long min, long max, long absent, String error) {
        if (value == null) {
            return absent;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n < min || n > max) {
                throw new ChatApiErrors.BadRequest(error);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ChatApiErrors.BadRequest(error);
        }
    }
}
