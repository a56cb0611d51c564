package cn.invoicehelp.notification;

import java.util.List;

/** Refusals with zh-CN messages. */
class NotificationException extends RuntimeException {

    record FieldError(String field, String message) {
    }

    static final class Invalid extends NotificationException {
        final List<FieldError> errors;

        Invalid(List<FieldError> errors) {
            super(errors.get(0).message());
            this.errors = List.copyOf(errors);
        }
    }

    static final class NotFound extends NotificationException {
        NotFound(String message) {
            super(message);
        }
    }

    static final class Forbidden extends NotificationException {
        Forbidden(String message) {
            super(message);
        }
    }

    NotificationException(String message) {
        super(message);
    }
}
