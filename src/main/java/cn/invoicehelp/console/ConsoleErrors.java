package cn.invoicehelp.console;

import cn.invoicehelp.chat.AgentDesk;
import cn.invoicehelp.escalation.HandoffConflict;
import cn.invoicehelp.escalation.Handoffs;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** zh-CN JSON errors of the console APIs: {"error"} or {"errors":[{"field","message"}]}, never a stack trace. */
@RestControllerAdvice(basePackageClasses = ConsoleErrors.class)
class ConsoleErrors {

    /** Bad input on a field. */
    static final class Invalid extends RuntimeException {
        final String field;

        Invalid(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    static final class Conflict extends RuntimeException {
        Conflict(String message) {
            super(message);
        }
    }

    @ExceptionHandler(Invalid.class)
    ResponseEntity<Map<String, Object>> invalid(Invalid e) {
        return ResponseEntity.badRequest().body(Map.of("errors", List.of(Map.of("field", e.field,
                "message", e.getMessage()))));
    }

    @ExceptionHandler(AgentDesk.InvalidMessage.class)
    ResponseEntity<Map<String, Object>> invalidMessage(AgentDesk.InvalidMessage e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler({NotFound.class})
    ResponseEntity<Map<String, Object>> notFound(NotFound e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({AgentDesk.NoSuchConversation.class, Handoffs.HandoffNotFound.class})
    ResponseEntity<Map<String, Object>> noConversation() {
        return error(HttpStatus.NOT_FOUND, "会话不存在，或没有转人工记录。");
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<Map<String, Object>> conflict(Conflict e) {
        return error(HttpStatus.CONFLICT, e.getMessage());
    }

    /** 409 with who has the conversation, so the console can say "已被 X 接入". */
    @ExceptionHandler(HandoffConflict.class)
    ResponseEntity<Map<String, Object>> handoffConflict(HandoffConflict e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "CLAIMED".equals(e.status()) && e.claimedByName() != null
                ? "该会话已由 " + e.claimedByName() + " 接入。"
                : "该会话当前状态（" + e.status() + "）不允许此操作。");
        body.put("status", e.status());
        if (e.claimedBy() != null) {
            body.put("claimedBy", e.claimedBy());
            body.put("claimedByName", e.claimedByName());
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable() {
        return error(HttpStatus.BAD_REQUEST, "请求内容不是有效的 JSON。");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType() {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请以 application/json 格式提交。");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badArgument() {
        return error(HttpStatus.BAD_REQUEST, "请求参数格式不正确。");
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
