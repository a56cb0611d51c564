package cn.invoicehelp.escalation.handoff;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceHoursTests {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static Instant beijing(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(BEIJING).toInstant();
    }

    @Test
    void withoutAScheduleTheServiceIsAlwaysOpen() {
        ServiceHours hours = new ServiceHours(null, null, null);
        assertThat(hours.isOpen(beijing("2026-11-29T03:00"))).isTrue();
    }

    @Test
    void aWeeklyScheduleWithHolidaysOpensOnlyInsideItsRanges() {
        ServiceHours hours = new ServiceHours(BEIJING,
                Map.of(DayOfWeek.MONDAY, "09:00-12:00, 13:30-18:00"), List.of(LocalDate.parse("2026-12-07")));
        assertThat(hours.isOpen(beijing("2026-11-30T09:00"))).isTrue();
        assertThat(hours.isOpen(beijing("2026-11-30T12:30"))).as("lunch").isFalse();
        assertThat(hours.isOpen(beijing("2026-11-30T18:00"))).as("end is exclusive").isFalse();
        assertThat(hours.isOpen(beijing("2026-12-01T10:00"))).as("Tuesday not listed").isFalse();
        assertThat(hours.isOpen(beijing("2026-12-07T10:00"))).as("holiday Monday").isFalse();
    }

    @Test
    void aMalformedRangeFailsAtStartUpNamingTheDay() {
        assertThatThrownBy(() -> new ServiceHours(BEIJING, Map.of(DayOfWeek.FRIDAY, "18:00-09:00"), null))
                .hasMessageContaining("helpdesk.service-hours.weekly.friday").hasMessageContaining("18:00-09:00");
    }
}
