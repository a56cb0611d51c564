package cn.invoicehelp.announcement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Runs incidents: opening one publishes a 故障通报, each phase change posts a public update and moves the linked fault
 * reports (through {@link IncidentStageChanged}); reaching NOTIFYING replaces the bulletin with a 恢复通知.
 */
@Service
public class IncidentDesk {

    /** Tracking numbers of fault reports: BJ + yyyyMMdd + '-' + at least 4 digits. */
    /** Fault-report tracking number: BJ + yymmdd + 9 Crockford base32 characters (escalation checks the rest). */
    public static final Pattern TRACKING_NUMBER = Pattern.compile("BJ\\d{6}[0-9A-HJKMNP-TV-Z]{9}");
    static final Duration RECOVERY_SHOWN = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(IncidentDesk.class);

    private final Incidents incidents;
    private final IncidentUpdates updates;
    private final Announcements announcements;
    private final AnnouncementBoard board;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IncidentDesk(Incidents incidents, IncidentUpdates updates, Announcements announcements, AnnouncementBoard board,
            ApplicationEventPublisher events, Clock clock) {
        this.incidents = incidents;
        this.updates = updates;
        this.announcements = announcements;
        this.board = board;
        this.events = events;
        this.clock = clock;
    }

    /** The form staff send to open an incident. */
    public record OpenForm(String title, String summary, String level, List<String> affects, String message) {
    }

    /** The form staff send to move an incident on. */
    public record StageForm(String stage, String message) {
    }

    @Transactional
    public IncidentView open(OpenForm form, String author) {
        Instant now = clock.instant();
        if (form == null) {
            throw invalid("title", "请提交故障信息");
        }
        // The same checks as an announcement: one set of rules for what the public reads.
        AnnouncementRequest checked = AnnouncementRequest.parse(new AnnouncementRequest.Form("INCIDENT",
                form.level() == null || form.level().isBlank() ? "CRITICAL" : form.level(), form.title(),
                form.summary(), form.affects(), null, null), now);
        String message = optionalText(form.message(), "已确认收到故障反馈，技术人员正在确认问题原因和影响范围。");
        Incident incident = incidents.save(new Incident(checked.title(), checked.body(), checked.level(),
                checked.affects(), author, now));
        Announcement bulletin = announcements.save(new Announcement(new AnnouncementRequest(
                AnnouncementKind.INCIDENT, checked.level(), bulletinTitle(incident), bulletinBody(incident, message),
                checked.affects(), now, null), incident.id(), author, now));
        incident.attach(bulletin.id());
        updates.save(new IncidentUpdate(incident.id(), incident.stage(), message, author, now));
        log.info("故障 {} 已登记", incident.id());
        events.publishEvent(new IncidentStageChanged(incident.id(), incident.title(), null, incident.stage(), message,
                incident.trackingNumbers(), now));
        board.pushDue();
        return view(incident, true);
    }

    /** Moves the incident to the next phase with a public update. */
    @Transactional
    public IncidentView advance(long id, StageForm form, String author) {
        Instant now = clock.instant();
        Incident incident = find(id);
        IncidentStage to = parseStage(form == null ? null : form.stage());
        String message = optionalText(form == null ? null : form.message(), defaultMessage(to));
        IncidentStage from = incident.advance(to, now);
        updates.save(new IncidentUpdate(incident.id(), to, message, author, now));
        Announcement bulletin = incident.announcementId() == null ? null
                : announcements.findById(incident.announcementId()).orElse(null);
        if (to.serviceRestored() && from != null && !from.serviceRestored()) {
            if (bulletin != null) {
                bulletin.end(now);
            }
            announcements.save(new Announcement(new AnnouncementRequest(AnnouncementKind.RECOVERY,
                    AnnouncementLevel.INFO, "恢复通知：" + incident.title(), message, incident.affects(), now,
                    now.plus(RECOVERY_SHOWN)), incident.id(), author, now));
        } else if (bulletin != null && bulletin.isActive(now)) {
            bulletin.incidentText(bulletinTitle(incident), bulletinBody(incident, message), incident.level(),
                    incident.affects(), now);
            events.publishEvent(new AnnouncementPublished(board.publicView(bulletin)));
        }
        log.info("故障 {} 进入阶段 {}", incident.id(), to);
        events.publishEvent(new IncidentStageChanged(incident.id(), incident.title(), from, to, message,
                incident.trackingNumbers(), now));
        board.pushDue();
        return view(incident, true);
    }

    /** Links a fault report; it moves with the incident from now on. Linking twice changes nothing. */
    @Transactional
    public IncidentView link(long id, String trackingNumber) {
        Incident incident = find(id);
        String number = trackingNumber(trackingNumber);
        if (incident.link(number)) {
            events.publishEvent(new IncidentReportLinked(incident.id(), number, incident.stage(), clock.instant()));
        }
        return view(incident, true);
    }

    @Transactional
    public IncidentView unlink(long id, String trackingNumber) {
        Incident incident = find(id);
        incident.unlink(trackingNumber(trackingNumber));
        return view(incident, true);
    }

    @Transactional(readOnly = true)
    public List<IncidentView> list() {
        return incidents.findTop100ByOrderByOpenedAtDesc().stream().map(i -> view(i, true)).toList();
    }

    /** Staff view (with linked tracking numbers) or the public one. */
    @Transactional(readOnly = true)
    public IncidentView get(long id, boolean staff) {
        return view(find(id), staff);
    }

    /** Whether an incident exists (and is not closed): subscriptions are only taken for live ones. */
    @Transactional(readOnly = true)
    public boolean isOpen(long id) {
        return incidents.findById(id).map(i -> i.stage() != IncidentStage.CLOSED).orElse(false);
    }

    private IncidentView view(Incident i, boolean staff) {
        List<IncidentView.Update> timeline = new ArrayList<>();
        for (IncidentUpdate u : updates.findByIncidentIdOrderByPostedAtAscIdAsc(i.id())) {
            timeline.add(new IncidentView.Update(u.stage(), u.stage().label(), u.message(), u.postedAt()));
        }
        return new IncidentView(i.id(), i.title(), i.summary(), i.level(), i.affects(), i.stage(),
                i.stage().label(), i.stage() == IncidentStage.CLOSED ? null : i.stage().next(), i.openedAt(),
                i.stageChangedAt(), i.stageDeadline(), i.expectedRestore(), i.closedAt(),
                staff ? i.trackingNumbers() : null, timeline);
    }

    private static String bulletinTitle(Incident incident) {
        return "故障通报：" + incident.title();
    }

    private static String bulletinBody(Incident incident, String message) {
        return incident.summary() + "\n当前进展（" + incident.stage().label() + "）：" + message;
    }

    private static String defaultMessage(IncidentStage stage) {
        return switch (stage) {
            case CONFIRMING -> "正在确认问题原因和影响范围。";
            case REPAIRING -> "问题原因已确认，技术人员正在修复。";
            case TESTING -> "修复已完成，正在测试验证。";
            case NOTIFYING -> "系统已恢复正常，请重新操作；故障期间未完成的业务请查询确认后再提交。";
            case CLOSED -> "故障处理已结束。";
        };
    }

    private Incident find(long id) {
        return incidents.findById(id).orElseThrow(() -> new AnnouncementException.NotFound("故障 " + id + " 不存在。"));
    }

    private static IncidentStage parseStage(String value) {
        try {
            return IncidentStage.valueOf(value == null ? "" : value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("stage", "阶段必须是 REPAIRING、TESTING、NOTIFYING 或 CLOSED 之一");
        }
    }

    static String trackingNumber(String value) {
        String number = value == null ? "" : value.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (!TRACKING_NUMBER.matcher(number).matches()) {
            throw invalid("trackingNumber", "故障报告编号格式不对，应为 BJ 开头的 17 位编号，例如 BJ2501310K7QM2XPE");
        }
        return number;
    }

    private static String optionalText(String value, String fallback) {
        String text = value == null ? "" : value.strip();
        if (text.length() > AnnouncementRequest.BODY_MAX) {
            throw invalid("message", "进展说明最多 " + AnnouncementRequest.BODY_MAX + " 个字");
        }
        return text.isEmpty() ? fallback : text;
    }

    private static AnnouncementException.Invalid invalid(String field, String message) {
        return new AnnouncementException.Invalid(List.of(new AnnouncementException.FieldError(field, message)));
    }
}
