package cn.invoicehelp.announcement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What staff send to publish or change an announcement (already checked: see {@link #parse}). */
public record AnnouncementRequest(AnnouncementKind kind, AnnouncementLevel level, String title, String body,
        List<Affect> affects, Instant startsAt, Instant endsAt) {

    static final java.time.ZoneId BEIJING = java.time.ZoneId.of("Asia/Shanghai");
    static final int TITLE_MAX = 100;
    static final int BODY_MAX = 2000;

    /** The JSON body as sent; every field a string so a wrong value gets a zh-CN message instead of a parse error. */
    public record Form(String kind, String level, String title, String body, List<String> affects, String startsAt,
            String endsAt) {
    }

    /** Checks a form; {@code now} fills a missing start ("from now on"). */
    public static AnnouncementRequest parse(Form form, Instant now) {
        List<AnnouncementException.FieldError> errors = new ArrayList<>();
        if (form == null) {
            throw new AnnouncementException.Invalid(List.of(new AnnouncementException.FieldError("body",
                    "请提交公告内容")));
        }
        AnnouncementKind kind = parseEnum(AnnouncementKind.class, form.kind(), "kind",
                "类型必须是 MAINTENANCE、INCIDENT、RECOVERY 或 NOTICE 之一", errors);
        AnnouncementLevel level = form.level() == null || form.level().isBlank() ? AnnouncementLevel.INFO
                : parseEnum(AnnouncementLevel.class, form.level(), "level", "级别必须是 INFO、WARNING 或 CRITICAL 之一",
                        errors);
        String title = text(form.title(), "title", "标题", TITLE_MAX, errors);
        String body = text(form.body(), "body", "正文", BODY_MAX, errors);
        List<Affect> affects = new ArrayList<>();
        if (form.affects() != null) {
            for (String a : form.affects()) {
                Affect affect = parseEnum(Affect.class, a, "affects", "受影响功能只能是 "
                        + String.join("、", java.util.Arrays.stream(Affect.values()).map(Enum::name).toList())
                        + " 之一，收到：" + a, errors);
                if (affect != null && !affects.contains(affect)) {
                    affects.add(affect);
                }
            }
        }
        Instant startsAt = form.startsAt() == null || form.startsAt().isBlank() ? now
                : instant(form.startsAt(), "startsAt", "开始时间", errors);
        Instant endsAt = form.endsAt() == null || form.endsAt().isBlank() ? null
                : instant(form.endsAt(), "endsAt", "结束时间", errors);
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            errors.add(new AnnouncementException.FieldError("endsAt", "结束时间必须晚于开始时间"));
        }
        if (!errors.isEmpty()) {
            throw new AnnouncementException.Invalid(errors);
        }
        return new AnnouncementRequest(kind, level, title, body, List.copyOf(affects), startsAt, endsAt);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field, String message,
            List<AnnouncementException.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new AnnouncementException.FieldError(field, message));
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new AnnouncementException.FieldError(field, message));
            return null;
        }
    }

    private static String text(String value, String field, String name, int max,
            List<AnnouncementException.FieldError> errors) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            errors.add(new AnnouncementException.FieldError(field, name + "不能为空"));
        } else if (trimmed.length() > max) {
            errors.add(new AnnouncementException.FieldError(field, name + "最多 " + max + " 个字"));
        }
        return trimmed;
    }

    private static Instant instant(String value, String field, String name,
            List<AnnouncementException.FieldError> errors) {
        try {
            return java.time.OffsetDateTime.parse(value.trim()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            try {
                // Without an offset the time is Beijing time, as staff read it on the wall clock.
                return java.time.LocalDateTime.parse(value.trim()).atZone(BEIJING).toInstant();
            } catch (java.time.format.DateTimeParseException e2) {
                errors.add(new AnnouncementException.FieldError(field,
                        name + "格式不对，请用 ISO-8601，例如 2025-01-31T22:00:00+08:00"));
                return null;
            }
        }
    }
}
