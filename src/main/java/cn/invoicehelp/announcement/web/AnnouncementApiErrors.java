package cn.invoicehelp.announcement.web;

import cn.invoicehelp.announcement.AnnouncementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.List;
import java.util.Map;

/** zh-CN JSON errors of the announcement APIs: {"errors":[{field,message}]} for bad fields, {"error"} otherwise. */
@RestControllerAdvice(assignableTypes = {AnnouncementController.class, ConsoleAnnouncementController.class})
class AnnouncementApiErrors {

    @ExceptionHandler(AnnouncementException.Invalid.class)
    ResponseEntity<Map<String, List<AnnouncementException.FieldError>>> invalid(AnnouncementException.Invalid e) {
        return ResponseEntity.badRequest().body(Map.of("errors", e.errors()));
    }

    @ExceptionHandler(AnnouncementException.NotFound.class)
    ResponseEntity<Map<String, String>> notFound(AnnouncementException.NotFound e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AnnouncementException.Conflict.class)
    ResponseEntity<Map<String, String>> conflict(AnnouncementException.Conflict e) {
        return error(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable() {
        return error(HttpStatus.BAD_REQUEST, "请求内容不是有效的 JSON，例如 {\"kind\": \"MAINTENANCE\", \"title\": \"…\", "
                + "\"body\": \"…\", \"affects\": [\"ISSUE_INVOICE\"], \"startsAt\": \"2025-01-31T22:00:00+08:00\"}。");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, String>> mediaType() {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请以 application/json 格式提交。");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, String>> badId() {
        return error(HttpStatus.BAD_REQUEST, "编号格式不对，应为数字。");
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
