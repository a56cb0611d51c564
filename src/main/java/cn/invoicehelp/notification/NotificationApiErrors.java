package cn.invoicehelp.notification;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.List;
import java.util.Map;

/** zh-CN JSON errors of the notification APIs. */
@RestControllerAdvice(assignableTypes = {SubscriptionController.class, DeliveryAdminController.class})
class NotificationApiErrors {

    @ExceptionHandler(NotificationException.Invalid.class)
    ResponseEntity<Map<String, List<NotificationException.FieldError>>> invalid(NotificationException.Invalid e) {
        return ResponseEntity.badRequest().body(Map.of("errors", e.errors));
    }

    @ExceptionHandler(NotificationException.NotFound.class)
    ResponseEntity<Map<String, String>> notFound(NotificationException.NotFound e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(NotificationException.Forbidden.class)
    ResponseEntity<Map<String, String>> forbidden(NotificationException.Forbidden e) {
        return error(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable() {
        return error(HttpStatus.BAD_REQUEST, "请求内容不是有效的 JSON，例如 {\"targetType\": \"INCIDENT\", \"targetId\": \"1\", "
                + "\"email\": \"name@example.com\", \"consent\": true}。");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, String>> mediaType() {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请以 application/json 格式提交。");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, String>> badId() {
        return error(HttpStatus.BAD_REQUEST, "编号格式不对。");
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
