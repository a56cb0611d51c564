package cn.invoicehelp.escalation.web;

import cn.invoicehelp.escalation.FaultReportProblem;
import cn.invoicehelp.escalation.FaultReportRejected;
import cn.invoicehelp.escalation.FaultReportStage;
import cn.invoicehelp.escalation.TrackingNumbers;
import cn.invoicehelp.escalation.report.FaultReportDesk;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The staff side (role AGENT, see console.WebSecurity): list, open and move reports along the timeline. */
@RestController
@RequestMapping("/api/console/fault-reports")
class StaffFaultReportController {

    /** Dates in the filters are days in Beijing, as on the report timeline. */
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final int MAX_NOTE = 2000;
    static final int MAX_PAGE_SIZE = 100;

    record StageChange(String stage, String publicNote, String internalNote) {
    }

    private final FaultReportDesk desk;

    StaffFaultReportController(FaultReportDesk desk) {
        this.desk = desk;
    }

    @GetMapping
    ResponseEntity<FaultReportDesk.PageOf<FaultReportDesk.Summary>> list(
            @RequestParam(required = false) String stage, @RequestParam(required = false) String overdue,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        List<FaultReportProblem> problems = new ArrayList<>();
        FaultReportStage wanted = null;
        if (stage != null && !stage.isBlank()) {
            wanted = FaultReportStage.parse(stage);
            if (wanted == null) {
                problems.add(new FaultReportProblem("stage", "stage 应为 CONFIRMING、REPAIRING、TESTING、NOTIFYING 或 CLOSED。"));
            }
        }
        Boolean late = null;
        if (overdue != null && !overdue.isBlank()) {
            late = switch (overdue.strip().toLowerCase()) {
                case "true" -> true;
                case "false" -> false;
                default -> {
                    problems.add(new FaultReportProblem("overdue", "overdue 应为 true 或 false。"));
                    yield null;
                }
            };
        }
        Instant start = instant(from, "from", false, problems);
        Instant end = instant(to, "to", true, problems);
        int p = number(page, 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE, "page", "page 应为不小于 0 的整数。", problems);
        int s = number(size, 20, 1, MAX_PAGE_SIZE, "size", "size 应为 1 到 " + MAX_PAGE_SIZE + " 之间的整数。", problems);
        if (!problems.isEmpty()) {
            throw new FaultReportRejected(problems);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(desk.list(new FaultReportDesk.Filter(wanted, late, start, end), p, s));
    }

    @GetMapping("/{trackingNumber}")
    ResponseEntity<FaultReportDesk.Detail> detail(@PathVariable String trackingNumber) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(
                desk.detail(number(trackingNumber)).orElseThrow(() -> new FaultReportApiErrors.NotFound("没有这个报告编号。")));
    }

    @PostMapping("/{trackingNumber}/stage")
    ResponseEntity<FaultReportDesk.Detail> stage(@PathVariable String trackingNumber,
                                                    @RequestBody(required = false) StageChange change,
                                                    Authentication who) {
        List<FaultReportProblem> problems = new ArrayList<>();
        FaultReportStage to = change == null ? null : FaultReportStage.parse(change.stage());
        if (to == null) {
            problems.add(new FaultReportProblem("stage", "请填写目标阶段 stage：CONFIRMING、REPAIRING、TESTING、NOTIFYING 或 CLOSED。"));
        }
        String publicNote = note(change == null ? null : change.publicNote(), "publicNote", problems);
        String internalNote = note(change == null ? null : change.internalNote(), "internalNote", problems);
        if (!problems.isEmpty()) {
            throw new FaultReportRejected(problems);
        }
        boolean admin = who != null && who.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        String author = who == null ? null : who.getName();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(
                desk.change(number(trackingNumber), to, publicNote, internalNote, author, admin)
                        .orElseThrow(() -> new FaultReportApiErrors.NotFound("没有这个报告编号。")));
    }

    private static String number(String trackingNumber) {
        return TrackingNumbers.normalise(trackingNumber).orElseThrow(() -> new FaultReportApiErrors.NotFound("没有这个报告编号。"));
    }

    private static String note(String text, String field, List<FaultReportProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String note = text.strip();
        if (note.codePointCount(0, note.length()) > MAX_NOTE) {
            problems.add(new FaultReportProblem(field, "备注最多 " + MAX_NOTE + " 个字。"));
            return null;
        }
        return note;
    }

    /** A date (Beijing; {@code to} is then the end of that day) or an ISO date-time. */
    private static Instant instant(String value, String field, boolean endOfDay, List<FaultReportProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(BEIJING).toInstant();
            }
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(v).atZone(BEIJING).toInstant();
            }
        } catch (DateTimeParseException e) {
            problems.add(new FaultReportProblem(field, field + " 应为日期（2025-03-10）或日期时间（2025-03-10T09:30:00+08:00）。"));
            return null;
        }
    }

    private static int number(String value, int absent, int min, int max, String field, String message,
                              List<FaultReportProblem> problems) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        problems.add(new FaultReportProblem(field, message));
        return absent;
    }
}
