package cn.invoicehelp.escalation.report;

import cn.invoicehelp.escalation.FaultReportFiled;
import cn.invoicehelp.escalation.FaultReportForm;
import cn.invoicehelp.escalation.FaultReportLookupThrottled;
import cn.invoicehelp.escalation.FaultReportProblem;
import cn.invoicehelp.escalation.FaultReportProgress;
import cn.invoicehelp.escalation.FaultReportReceipt;
import cn.invoicehelp.escalation.FaultReportRejected;
import cn.invoicehelp.escalation.FaultReportStage;
import cn.invoicehelp.escalation.FaultReporting;
import cn.invoicehelp.escalation.TrackingNumbers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Files reports, shows visitors their progress and attaches what the chat knew; staff work them through the stages
 * at the {@link FaultReportDesk}.
 */
@Service
class FaultReportService implements FaultReporting {

    static final String OVERDUE_TEXT = "处理中，已超出预计时间";
    private static final Duration DUPLICATE_WINDOW = Duration.ofMinutes(1);
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final FaultReports reports;
    private final FaultReportProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private final ReportThrottle throttle;
    private final Object[] locks = new Object[64];

    FaultReportService(FaultReports reports, FaultReportProperties properties, ApplicationEventPublisher events,
                       TransactionTemplate tx, JsonMapper json, Clock clock, ReportThrottle throttle) {
        this.reports = reports;
        this.properties = properties;
        this.events = events;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
        this.throttle = throttle;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    @Override
    public List<FaultReportProblem> problems(FaultReportForm form) {
        return FaultReportRules.problems(form, clock);
    }

    @Override
    public FaultReportReceipt file(FaultReportForm form) {
        List<FaultReportProblem> problems = new ArrayList<>();
        FaultReportRules.Checked checked = FaultReportRules.check(form, clock, problems);
        if (checked == null) {
            throw new FaultReportRejected(problems);
        }
        String key = dedupKey(checked, form.conversationId());
        // One lock per key: two identical submissions at once still give one report.
        synchronized (locks[Math.floorMod(key.hashCode(), locks.length)]) {
            return tx.execute(status -> {
                Instant now = clock.instant();
                Optional<FaultReport> first = reports.findFirstByDedupKeyAndCreatedAtAfterOrderByCreatedAt(key,
                        now.minus(DUPLICATE_WINDOW));
                if (first.isPresent()) {
                    return receipt(first.get());
                }
                String number;
                do {
                    number = TrackingNumbers.next(clock);
                } while (reports.existsByTrackingNumber(number));
                FaultReport report = reports.save(new FaultReport(number, checked, form.conversationId(),
                        form.attachments() == null ? null : json.writeValueAsString(form.attachments()), key, now,
                        properties.durations()));
                events.publishEvent(new FaultReportFiled(number, form.conversationId(), report.stage(),
                        report.stageDueAt(), now));
                return receipt(report);
            });
        }
    }

    @Override
    public Optional<FaultReportProgress> track(String trackingNumber, String contact) {
        if (!TrackingNumbers.isValid(trackingNumber)) {
            return Optional.empty();
        }
        String number = TrackingNumbers.normalise(trackingNumber).orElseThrow();
        throttle.numberBlocked(number).ifPresent(wait -> {
            throw new FaultReportLookupThrottled(wait);
        });
        Optional<FaultReportProgress> found = tx.execute(status -> reports.findByTrackingNumber(number)
                .filter(r -> Contacts.matches(contact, r.phone(), r.email()))
                .map(this::progress));
        if (found.isEmpty()) {
            throttle.wrongGuessOfNumber(number);
        }
        return found;
    }

    @Override
    public void attachTranscript(String trackingNumber, UUID conversationId, List<TranscriptLine> transcript) {
        onReportOf(trackingNumber, conversationId, r -> r.attachTranscript(json.writeValueAsString(
                transcript.stream().map(line -> new TranscriptLine(line.sender(), Contacts.maskAll(line.text()),
                        line.at())).toList())));
    }

    @Override
    public void attachCollected(String trackingNumber, UUID conversationId, FaultReportForm.Attachments collected) {
        onReportOf(trackingNumber, conversationId, r -> r.attachCollected(json.writeValueAsString(collected)));
    }

    /**
     * Changes the report of that conversation. Transcript and collected fields arrive from two listeners at once:
     * the one that loses the version race reads the report again.
     */
    private void onReportOf(String trackingNumber, UUID conversationId, java.util.function.Consumer<FaultReport> change) {
        // Its own transaction (listeners call this inside theirs): the conflict shows at this commit, inside the loop.
        TransactionTemplate own = new TransactionTemplate(java.util.Objects.requireNonNull(tx.getTransactionManager()));
        own.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        for (int attempt = 1; ; attempt++) {
            try {
                own.executeWithoutResult(status -> reports.findByTrackingNumber(trackingNumber)
                        .filter(r -> conversationId.equals(r.conversationId()))
                        .ifPresent(change));
                return;
            } catch (org.springframework.dao.ConcurrencyFailureException e) {
                // A lost version race, or (H2) a row lock the other listener held past the lock timeout.
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Optional<Contact> contactOf(String trackingNumber) {
        return tx.execute(status -> reports.findByTrackingNumber(trackingNumber)
                .map(r -> new Contact(r.phone(), r.email())));
    }

    private FaultReportProgress progress(FaultReport r) {
        boolean overdue = r.overdue(clock.instant());
        List<FaultReportProgress.Update> updates = r.entries().stream()
                .filter(e -> e.kind() == FaultReportEntry.Kind.PUBLIC_NOTE)
                .map(e -> new FaultReportProgress.Update(e.at(), e.text())).toList();
        return new FaultReportProgress(r.trackingNumber(), r.stage(), r.stage().label(), overdue,
                statusText(r.stage(), r.stageDueAt(), overdue), r.timeline(), updates, r.createdAt());
    }

    static String statusText(FaultReportStage stage, Instant dueAt, boolean overdue) {
        if (stage == FaultReportStage.CLOSED) {
            return "处理已完成";
        }
        if (overdue) {
            return OVERDUE_TEXT;
        }
        return stage.label() + "中，预计 " + DUE.format(dueAt) + " 前完成这一步";
    }

    private FaultReportReceipt receipt(FaultReport r) {
        return new FaultReportReceipt(r.trackingNumber(), r.stage(), r.stage().label(), r.stageDueAt());
    }

    private static String dedupKey(FaultReportRules.Checked c, UUID conversationId) {
        String canonical = String.join("\u0001", String.join(",", c.invoiceNumbers()), String.valueOf(c.invoiceType()),
                String.valueOf(c.occurredAt()), c.description(), String.valueOf(c.phone()), String.valueOf(c.email()),
                String.valueOf(conversationId));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
