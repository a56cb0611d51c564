package cn.invoicehelp.assistant;

import java.time.LocalDate;

/** Dates as people write them: full dates, two-digit years, 12月20日/号 without a year, 昨天/前天/今天. */
final class DateWords {

    private DateWords() {
    }

    /** The date, or null when the digits make no calendar date; a two-digit year is this century's. */
    static LocalDate date(String y, String m, String d) {
        try {
            int year = Integer.parseInt(y);
            return LocalDate.of(y.length() == 2 ? 2000 + year : year, Integer.parseInt(m), Integer.parseInt(d));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** 12月20日 means this year, or last year when that day is still ahead. */
    static LocalDate monthDay(String m, String d, LocalDate today) {
        LocalDate date = date(String.valueOf(today.getYear()), m, d);
        return date != null && date.isAfter(today) ? date(String.valueOf(today.getYear() - 1), m, d) : date;
    }

    static LocalDate relative(String word, LocalDate today) {
        return switch (word.replace("开", "")) {
            case "前天" -> today.minusDays(2);
            case "昨天", "昨日" -> today.minusDays(1);
            default -> today;
        };
    }

    static boolean recent(LocalDate date, LocalDate today) {
        return date != null && !date.isAfter(today) && date.isAfter(today.minusYears(6));
    }
}
