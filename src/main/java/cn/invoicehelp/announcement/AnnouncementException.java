package cn.invoicehelp.announcement;

import java.util.List;

/** Refusals of the announcement and incident operations, each with a zh-CN message for the caller. */
public abstract class AnnouncementException extends RuntimeException {

    AnnouncementException(String message) {
        super(message);
    }

    /** Bad input: one message per field. */
    public static final class Invalid extends AnnouncementException {
        private final List<FieldError> errors;

        Invalid(List<FieldError> errors) {
            super(errors.isEmpty() ? "输入有误" : errors.get(0).message());
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    public static final class NotFound extends AnnouncementException {
        NotFound(String message) {
            super(message);
        }
    }

    public static final class Conflict extends AnnouncementException {
        Conflict(String message) {
            super(message);
        }
    }

    public record FieldError(String field, String message) {
    }
}
