package cn.invoicehelp.escalation.web;

import cn.invoicehelp.escalation.FaultReportLookupThrottled;
import cn.invoicehelp.escalation.FaultReportRejected;
import cn.invoicehelp.escalation.report.StageChangeRefused;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** zh-CN JSON errors of the fault report APIs: {@code {"errors":[{field,message}]}} for bad fields, else {@code {"error"}}. */
@RestControllerAdvice(assignableTypes = {FaultReportController.class, StaffFaultReportController.class})
class FaultReportApiErrors {

    static final String NOT_FOUND = "没有找到这份报告：请核对报告编号，以及提交时留下的手机号码或电子邮箱。";

    static final String TOO_MANY_GUESSES = "查询失败次数太多，请核对报告编号和联系方式，稍后再试。";

    static final class NotFound extends RuntimeException {
        NotFound() {
            super(NOT_FOUND);
        }

        NotFound(String message) {
            super(message);
        }
    }

    static final class TooMany extends RuntimeException {
        final Duration wait;

        TooMany(Duration wait, String message) {
            super(message);
            this.wait = wait;
        }
    }

    @ExceptionHandler(FaultReportRejected.class)
    ResponseEntity<Map<String, Object>> rejected(FaultReportRejected e) {
        return ResponseEntity.badRequest().body(Map.of("errors", e.problems()));
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Map<String, Object>> notFound(NotFound e) {
        return error(HttpStatus.NOT_FOUND.value(), e.getMessage());
    }

    @ExceptionHandler(TooMany.class)
    ResponseEntity<Map<String, Object>> tooMany(TooMany e) {
        long seconds = Math.max(1, (e.wait.toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                .body(Map.of("error", e.getMessage() + "（约 " + Math.max(1, (seconds + 59) / 60) + " 分钟后）"));
    }

    @ExceptionHandler(FaultReportLookupThrottled.class)
    ResponseEntity<Map<String, Object>> throttled(FaultReportLookupThrottled e) {
        return tooMany(new TooMany(e.retryAfter(), TOO_MANY_GUESSES));
    }

    @ExceptionHandler(StageChangeRefused.class)
    ResponseEntity<Map<String, Object>> stage(StageChangeRefused e) {
        return error(e.status(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable() {
        return errors("body", "请求内容不是有效的 JSON，请检查格式。");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType() {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value(), "请以 application/json 格式提交。");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
        return errors(e.getParameterName(), "缺少参数 " + e.getParameterName() + "。");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
        return errors(e.getName(), "参数 " + e.getName() + " 的格式不正确。");
    }

    private static ResponseEntity<Map<String, Object>> errors(String field, String message) {
        return ResponseEntity.badRequest().body(Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }

    private static ResponseEntity<Map<String, Object>> error(int status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
