package cn.invoicehelp.announcement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One announcement. It is in force from {@code startsAt} until {@code endsAt} (open-ended when null) unless staff
 * ended it earlier; ended ones stay as history. {@code announcedAt}/{@code endAnnouncedAt} remember whether its start
 * and end were already pushed to open conversations, so a scheduled window is pushed exactly once.
 */
@Entity
@Table(name = "announcement")
class Announcement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private AnnouncementKind kind;
    @Enumerated(EnumType.STRING)
    private AnnouncementLevel level;
    private String title;
    private String body;
    private String affects;
    @Column(name = "starts_at")
    private Instant startsAt;
    @Column(name = "ends_at")
    private Instant endsAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Column(name = "incident_id")
    private Long incidentId;
    @Column(name = "announced_at")
    private Instant announcedAt;
    @Column(name = "end_announced_at")
    private Instant endAnnouncedAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Announcement() {
    }

    Announcement(AnnouncementRequest request, Long incidentId, String author, Instant now) {
        this.incidentId = incidentId;
        this.createdBy = author;
        this.createdAt = now;
        apply(request, now);
    }

    void update(AnnouncementRequest request, Instant now) {
        if (ended(now)) {
            throw new AnnouncementException.Conflict("这条公告已经结束，不能再修改；请发布一条新公告。");
        }
        if (isActive(now) && request.startsAt().isAfter(now)) {
            // Moving an announcement that is showing back into the future hides it: announce that like an end.
            announcedAt = null;
        }
        apply(request, now);
        endAnnouncedAt = null;
    }

    private void apply(AnnouncementRequest request, Instant now) {
        this.kind = request.kind();
        this.level = request.level();
        this.title = request.title();
        this.body = request.body();
        this.affects = request.affects().stream().map(Enum::name).collect(Collectors.joining(","));
        this.startsAt = request.startsAt();
        this.endsAt = request.endsAt();
        this.updatedAt = now;
    }

    /** Ends it now; it stays as history. Ending twice changes nothing. */
    void end(Instant now) {
        if (endedAt == null) {
            endedAt = now;
            updatedAt = now;
        }
    }

    boolean ended(Instant now) {
        return endedAt != null || (endsAt != null && !endsAt.isAfter(now));
    }

    boolean isActive(Instant now) {
        return !startsAt.isAfter(now) && !ended(now);
    }

    /** In force but its start not yet pushed. */
    boolean startDue(Instant now) {
        return announcedAt == null && isActive(now);
    }

    /** Pushed as started, now over, end not yet pushed. */
    boolean endDue(Instant now) {
        return announcedAt != null && endAnnouncedAt == null && ended(now);
    }

    void markAnnounced(Instant now) {
        announcedAt = now;
    }

    void markEndAnnounced(Instant now) {
        endAnnouncedAt = now;
    }

    void incidentText(String title, String body, AnnouncementLevel level, List<Affect> affects, Instant now) {
        this.title = title;
        this.body = body;
        this.level = level;
        this.affects = affects.stream().map(Enum::name).collect(Collectors.joining(","));
        this.updatedAt = now;
    }

    Long id() {
        return id;
    }

    AnnouncementKind kind() {
        return kind;
    }

    Long incidentId() {
        return incidentId;
    }

    Instant startsAt() {
        return startsAt;
    }

    Instant endsAt() {
        return endsAt;
    }

    Instant endedAt() {
        return endedAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    String createdBy() {
        return createdBy;
    }

    List<Affect> affects() {
        return affects == null || affects.isBlank() ? List.of()
                : Arrays.stream(affects.split(",")).map(Affect::valueOf).toList();
    }

    ActiveAnnouncement view(IncidentStage stage, Instant expectedEnd) {
        return new ActiveAnnouncement(id, kind, level, title, body, affects(), startsAt, endsAt, stage, incidentId,
                expectedEnd != null ? expectedEnd : endsAt);
    }
}
