package cn.invoicehelp.escalation.handoff;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * When people answer hand-offs. Without a weekly schedule the service is always open (holidays still close it).
 * Example: {@code helpdesk.service-hours.weekly.monday=09:00-12:00,13:30-18:00},
 * {@code helpdesk.service-hours.holidays=2026-10-01,2026-10-02}.
 *
 * @param zone      time zone of the schedule (default Asia/Shanghai)
 * @param weekly    day → comma-separated {@code HH:mm-HH:mm} ranges; a day left out is closed (once any day is set)
 * @param holidays  dates closed all day
 */
@ConfigurationProperties("helpdesk.service-hours")
public record ServiceHours(ZoneId zone, Map<DayOfWeek, String> weekly, List<LocalDate> holidays) {

    record Range(LocalTime from, LocalTime to) {
    }

    public ServiceHours {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        weekly = weekly == null ? Map.of() : Map.copyOf(weekly);
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        ranges(weekly); // fail at start-up on a malformed range, naming it
    }

    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        if (holidays.contains(local.toLocalDate())) {
            return false;
        }
        if (weekly.isEmpty()) {
            return true;
        }
        LocalTime time = local.toLocalTime();
        return ranges(weekly).getOrDefault(local.getDayOfWeek(), List.of()).stream()
                .anyMatch(r -> !time.isBefore(r.from()) && time.isBefore(r.to()));
    }

    private static Map<DayOfWeek, List<Range>> ranges(Map<DayOfWeek, String> weekly) {
        Map<DayOfWeek, List<Range>> ranges = new EnumMap<>(DayOfWeek.class);
        weekly.forEach((day, text) -> ranges.put(day, java.util.Arrays.stream(text.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(s -> range(day, s)).toList()));
        return ranges;
    }

    private static Range range(DayOfWeek day, String text) {
        String[] parts = text.split("-");
        try {
            Range range = new Range(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
            if (parts.length != 2 || !range.from().isBefore(range.to())) {
                throw new IllegalArgumentException();
            }
            return range;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("helpdesk.service-hours.weekly." + day.name().toLowerCase()
                    + ": 时间段 \"" + text + "\" 格式应为 HH:mm-HH:mm，且开始早于结束");
        }
    }
}
