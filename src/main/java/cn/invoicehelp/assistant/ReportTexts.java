package cn.invoicehelp.assistant;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what a visitor types into the report conversation: a phone or e-mail, and when the fault happened. */
final class ReportTexts {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9.\\-]+\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile(
            "(?<!\\d)(?:(?:\\+|00)?86[\\s\\-]?)?(?:1[3-9]\\d(?:[\\s\\-]?\\d){8}|0\\d{2,3}[\\s\\-]?\\d{7,8})(?!\\d)");
    private static final Pattern FULL_TIME = Pattern.compile(
            "(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})[日号]?(?:[\\sT]*(\\d{1,2})[:：点时](?:(\\d{1,2})分?)?)?");
    private static final Pattern MONTH_DAY = Pattern.compile("(\\d{1,2})月(\\d{1,2})[日号]");
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2})(?:[:：](\\d{2})|[点时](?:(\\d{1,2})分?|半)?)");

    private ReportTexts() {
    }

    /** The phone or e-mail in a message, as typed. */
    static Map<String, String> contact(String text) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher email = EMAIL.matcher(text);
        if (email.find()) {
            found.put("email", email.group());
            return found;
        }
        Matcher phone = PHONE.matcher(text);
        if (phone.find()) {
            found.put("phone", phone.group());
        }
        return found;
    }

    /** When something happened, from 刚才 / 今天上午10点 / 昨天15:30 / 3月10日 9点 / 2025-03-10 09:30; null if unreadable. */
    static LocalDateTime when(String text, Clock clock) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(BEIJING)).withSecond(0).withNano(0);
        if (text.matches(".*(刚才|刚刚|现在|刚发生|就在刚).*")) {
            return now;
        }
        Matcher full = FULL_TIME.matcher(text);
        if (full.find()) {
            LocalDate day = DateWords.date(full.group(1), full.group(2), full.group(3));
            if (day == null) {
                return null;
            }
            if (full.group(4) == null) {
                LocalTime t = clockTime(text.substring(full.end()));
                return day.atTime(t == null ? LocalTime.NOON : t);
            }
            LocalTime t = time(full.group(4), full.group(5), false, text);
            return t == null ? null : day.atTime(t);
        }
        LocalDate day = null;
        String rest = text;
        Matcher md = MONTH_DAY.matcher(text);
        if (md.find()) {
            day = DateWords.monthDay(md.group(1), md.group(2), now.toLocalDate());
            rest = text.substring(md.end());
        } else if (text.contains("前天")) {
            day = now.toLocalDate().minusDays(2);
        } else if (text.contains("昨天") || text.contains("昨晚") || text.contains("昨日")) {
            day = now.toLocalDate().minusDays(1);
        } else if (text.contains("今天") || text.contains("今早") || text.contains("今晚") || text.contains("上午")
                || text.contains("下午") || text.contains("早上") || text.contains("中午") || text.contains("晚上")) {
            day = now.toLocalDate();
        }
        LocalTime t = clockTime(rest.isEmpty() ? text : rest);
        if (t == null) {
            t = clockTime(text);
        }
        if (day == null && t == null) {
            return null;
        }
        if (day == null) {
            day = now.toLocalDate();
        }
        if (t == null) {
            t = text.contains("上午") || text.contains("早上") || text.contains("今早") ? LocalTime.of(9, 0)
                    : text.contains("中午") ? LocalTime.NOON
                    : text.contains("下午") ? LocalTime.of(15, 0)
                    : text.contains("晚") ? LocalTime.of(20, 0)
                    : day.equals(now.toLocalDate()) ? now.toLocalTime() : LocalTime.NOON;
        }
        return day.atTime(t);
    }

    private static LocalTime clockTime(String text) {
        Matcher m = CLOCK.matcher(text);
        if (!m.find()) {
            return null;
        }
        String minutes = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3)
                : m.group().endsWith("半") ? "30" : null;
        return time(m.group(1), minutes, true, text);
    }

    private static LocalTime time(String h, String m, boolean spoken, String text) {
        int hour = Integer.parseInt(h);
        int minute = m == null ? 0 : Integer.parseInt(m);
        if (spoken && hour < 12 && (text.contains("下午") || text.contains("晚") || text.contains("傍晚"))) {
            hour += 12;
        }
        if (hour > 23 || minute > 59) {
            return null;
        }
        return LocalTime.of(hour, minute);
    }

    static String maskPhone(String phone) {
        String digits = phone.replaceAll("\\D", "");
        return digits.length() <= 7 ? "****" : digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    static String maskEmail(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}
