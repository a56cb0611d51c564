package cn.invoicehelp.escalation.report;

import cn.invoicehelp.escalation.FaultReportProgress;
import cn.invoicehelp.escalation.FaultReportStage;
import cn.invoicehelp.escalation.FaultReportStageChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The staff side of fault reports: list and open them (contacts masked) and move them along the timeline, for the
 * console's API and for incidents that carry their reports along. The report itself guards each change.
 */
@Service
public class FaultReportDesk {

    private static final TypeReference<Object> ANY = new TypeReference<>() { };

    private final FaultReports reports;
    private final FaultReportProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;

    FaultReportDesk(FaultReports reports, FaultReportProperties properties, ApplicationEventPublisher events,
                    TransactionTemplate tx, JsonMapper json, Clock clock) {
        this.reports = reports;
        this.properties = properties;
        this.events = events;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    /** A report as staff list it. */
    public record Summary(String trackingNumber, FaultReportStage stage, String stageLabel, boolean overdue,
                   Instant stageStartedAt, Instant dueAt, Instant createdAt, Instant occurredAt,
                   List<String> invoiceNumbers, String invoiceType, String description, String phone, String email,
                   UUID conversationId) {
    }

    /** Everything staff see about one report (contacts masked). */
    public record Detail(Summary report, List<FaultReportProgress.StageView> stages, List<HistoryLine> history,
                  Object attachments, Object transcript) {
    }

    public record HistoryLine(Instant at, String kind, FaultReportStage stage, String stageLabel, Instant dueAt, String text,
                       String author) {
    }

    public record PageOf<T>(List<T> content, int page, int size, long totalElements, int totalPages) {
    }

    public record Filter(FaultReportStage stage, Boolean overdue, Instant from, Instant to) {
    }

    public PageOf<Summary> list(Filter filter, int page, int size) {
        Instant now = clock.instant();
        Specification<FaultReport> spec = (root, query, cb) -> {
            List<jakarta.persistence.criteria.Predicate> where = new ArrayList<>();
            if (filter.stage() != null) {
                where.add(cb.equal(root.get("stage"), filter.stage()));
            }
            if (filter.overdue() != null) {
                var late = cb.and(cb.isNotNull(root.get("stageDueAt")), cb.lessThan(root.get("stageDueAt"), now));
                where.add(filter.overdue() ? late : cb.not(late));
            }
            if (filter.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("createdAt"), filter.from()));
            }
            if (filter.to() != null) {
                where.add(cb.lessThan(root.get("createdAt"), filter.to()));
            }
            return cb.and(where.toArray(jakarta.persistence.criteria.Predicate[]::new));
        };
        return tx.execute(status -> {
            Page<FaultReport> found = reports.findAll(spec, PageRequest.of(page, size,
                    Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("trackingNumber"))));
            return new PageOf<>(found.getContent().stream().map(r -> summary(r, now)).toList(), page, size,
                    found.getTotalElements(), found.getTotalPages());
        });
    }

    public Optional<Detail> detail(String trackingNumber) {
        Instant now = clock.instant();
        return tx.execute(status -> reports.findByTrackingNumber(trackingNumber).map(r -> new Detail(summary(r, now),
                r.timeline(), r.entries().stream().map(e -> new HistoryLine(e.at(), e.kind().name(), e.stage(),
                        e.stage().label(), e.dueAt(), e.text(), e.author())).toList(),
                r.attachments() == null ? null : json.readValue(r.attachments(), ANY),
                r.transcript() == null ? null : json.readValue(r.transcript(), ANY))));
    }

    /** Staff moves a report; empty when there is no such report. */
    public Optional<Detail> change(String trackingNumber, FaultReportStage to, String publicNote, String internalNote,
                            String author, boolean admin) {
        Optional<FaultReportStageChanged> changed = tx.execute(status -> reports.findByTrackingNumber(trackingNumber)
                .map(report -> {
                    FaultReportStage from = report.stage();
                    Instant now = clock.instant();
                    report.change(to, publicNote, internalNote, author, admin, now, properties.durations());
                    reports.save(report);
                    FaultReportStageChanged event = new FaultReportStageChanged(report.trackingNumber(),
                            report.conversationId(), from, report.stage(), report.stageDueAt(), publicNote, now);
                    if (from != report.stage() || publicNote != null) {
                        events.publishEvent(event);
                    }
                    return event;
                }));
        return changed.flatMap(e -> detail(trackingNumber));
    }

    private Summary summary(FaultReport r, Instant now) {
        return new Summary(r.trackingNumber(), r.stage(), r.stage().label(), r.overdue(now), r.stageStartedAt(),
                r.stageDueAt(), r.createdAt(), r.occurredAt(), r.invoiceNumbers(), r.invoiceType(), r.description(),
                Contacts.maskPhone(r.phone()), Contacts.maskEmail(r.email()), r.conversationId());
    }
}
