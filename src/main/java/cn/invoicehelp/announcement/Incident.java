package cn.invoicehelp.announcement;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A fault with one cause, grouping the fault reports it produced. It moves forward one phase at a time
 * (CONFIRMING → REPAIRING → TESTING → NOTIFYING → CLOSED); every move posts a public update.
 */
@Entity
@Table(name = "incident")
class Incident {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String title;
    private String summary;
    @Enumerated(EnumType.STRING)
    private AnnouncementLevel level;
    private String affects;
    @Enumerated(EnumType.STRING)
    private IncidentStage stage;
    @Column(name = "opened_at")
    private Instant openedAt;
    @Column(name = "stage_changed_at")
    private Instant stageChangedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "announcement_id")
    private Long announcementId;
    @Column(name = "opened_by")
    private String openedBy;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "incident_report", joinColumns = @JoinColumn(name = "incident_id"))
    @Column(name = "tracking_number")
    @OrderBy
    private Set<String> trackingNumbers = new LinkedHashSet<>();
    @Version
    private long version;

    protected Incident() {
    }

    Incident(String title, String summary, AnnouncementLevel level, List<Affect> affects, String openedBy,
            Instant now) {
        this.title = title;
        this.summary = summary;
        this.level = level;
        this.affects = affects.stream().map(Enum::name).collect(Collectors.joining(","));
        this.stage = IncidentStage.CONFIRMING;
        this.openedAt = now;
        this.stageChangedAt = now;
        this.openedBy = openedBy;
    }

    /** Moves one phase on; skipping a phase or moving back is refused (the timeline promises every phase). */
    IncidentStage advance(IncidentStage to, Instant now) {
        if (stage == IncidentStage.CLOSED) {
            throw new AnnouncementException.Conflict("故障已关闭，不能再变更阶段。");
        }
        if (to != stage.next()) {
            throw new AnnouncementException.Conflict("故障当前处于「" + stage.label() + "」，下一阶段只能是「"
                    + stage.next().label() + "」（" + stage.next().name() + "）。");
        }
        IncidentStage from = stage;
        stage = to;
        stageChangedAt = now;
        if (to == IncidentStage.CLOSED) {
            closedAt = now;
        }
        return from;
    }

    /** True when the report was not linked yet. */
    boolean link(String trackingNumber) {
        if (stage == IncidentStage.CLOSED) {
            throw new AnnouncementException.Conflict("故障已关闭，不能再关联故障报告。");
        }
        return trackingNumbers.add(trackingNumber);
    }

    boolean unlink(String trackingNumber) {
        return trackingNumbers.remove(trackingNumber);
    }

    void attach(Long announcementId) {
        this.announcementId = announcementId;
    }

    /**
     * When the affected functions should work again as planned: the end of the testing phase, counting each
     * remaining phase at its full target from the start of the current one.
     */
    Instant expectedRestore() {
        if (stage.serviceRestored()) {
            return null;
        }
        Instant end = stageChangedAt;
        for (IncidentStage s = stage; !s.serviceRestored(); s = s.next()) {
            end = end.plus(s.target());
        }
        return end;
    }

    /** When the current phase should be over. */
    Instant stageDeadline() {
        return stage == IncidentStage.CLOSED ? null : stageChangedAt.plus(stage.target());
    }

    Long id() {
        return id;
    }

    String title() {
        return title;
    }

    String summary() {
        return summary;
    }

    AnnouncementLevel level() {
        return level;
    }

    List<Affect> affects() {
        return affects == null || affects.isBlank() ? List.of()
                : Arrays.stream(affects.split(",")).map(Affect::valueOf).toList();
    }

    IncidentStage stage() {
        return stage;
    }

    Instant openedAt() {
        return openedAt;
    }

    Instant stageChangedAt() {
        return stageChangedAt;
    }

    Instant closedAt() {
        return closedAt;
    }

    Long announcementId() {
        return announcementId;
    }

    List<String> trackingNumbers() {
        return new ArrayList<>(trackingNumbers);
    }
}
