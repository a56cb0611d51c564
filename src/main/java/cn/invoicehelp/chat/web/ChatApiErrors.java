package cn.invoicehelp.chat.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Map;

/** zh-CN JSON errors of the chat API, never a stack trace. */
@RestControllerAdvice(assignableTypes = ChatSessionController.class)
class ChatApiErrors {

    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    static final class Unauthorized extends RuntimeException {
    }

    static final class Forbidden extends RuntimeException {
    }

    static final class NotFound extends RuntimeException {
    }

    /** Too many sessions from one client address; {@code retryAfterSeconds} until the next one is allowed. */
    static final class TooManySessions extends RuntimeException {
        final long retryAfterSeconds;

        TooManySessions(long retryAfterSeconds) {
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    @ExceptionHandler(BadRequest.class)
    ResponseEntity<Map<String, String>> badRequest(BadRequest e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(Unauthorized.class)
    ResponseEntity<Map<String, String>> unauthorized() {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(Map.of("error", "缺少或无效的会话凭证（Authorization: Bearer <token>）。"));
    }

    @ExceptionHandler(Forbidden.class)
    ResponseEntity<Map<String, String>> forbidden() {
        return error(HttpStatus.FORBIDDEN, "此凭证无权查看该会话。");
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Map<String, String>> notFound() {
        return error(HttpStatus.NOT_FOUND, "会话不存在。");
    }

    @ExceptionHandler(TooManySessions.class)
    ResponseEntity<Map<String, String>> tooManySessions(TooManySessions e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds))
                .body(Map.of("error", "打开对话过于频繁，请 " + e.retryAfterSeconds + " 秒后再试。"));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable() {
        return error(HttpStatus.BAD_REQUEST, "请求内容不是有效的 JSON，例如 {\"pageUrl\": \"…\", \"locale\": \"zh-CN\"}。");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, String>> mediaType() {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请以 application/json 格式提交，或不带请求体。");
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
