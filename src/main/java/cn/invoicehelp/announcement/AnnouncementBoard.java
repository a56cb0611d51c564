package cn.invoicehelp.announcement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What is in force now, and the staff operations on announcements. Whether an announcement shows is decided by the
 * clock at every read, so scheduled windows appear and disappear by themselves; {@link #pushDue()} tells open
 * conversations about those changes once each.
 */
@Service
public class AnnouncementBoard {

    private static final Logger log = LoggerFactory.getLogger(AnnouncementBoard.class);

    private final Announcements announcements;
    private final Incidents incidents;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate readOnly;
    private final InForce inForce = new InForce();

    AnnouncementBoard(Announcements announcements, Incidents incidents, ApplicationEventPublisher events,
            Clock clock, PlatformTransactionManager transactions) {
        this.announcements = announcements;
        this.incidents = incidents;
        this.events = events;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Everything in force now, newest first (critical ones first). */
    public List<ActiveAnnouncement> active() {
        Instant now = clock.instant();
        return inForce.at(now, () -> readOnly.execute(status -> announcements.notEndedAt(now).stream()
                .map(this::publicView).toList()));
    }

    /** The maintenance window or incident that stops work right now, if any (the most severe one). */
    public Optional<ActiveAnnouncement> disruption() {
        return active().stream().filter(ActiveAnnouncement::disruptive).findFirst();
    }

    @Transactional
    public AnnouncementView publish(AnnouncementRequest.Form form, String author) {
        Instant now = clock.instant();
        AnnouncementRequest request = AnnouncementRequest.parse(form, now);
        inForce.changed();
        Announcement saved = announcements.save(new Announcement(request, null, author, now));
        log.info("公告 {} 已发布（{}，{} 起）", saved.id(), request.kind(), request.startsAt());
        pushDue();
        return AnnouncementView.of(saved, now);
    }

    @Transactional
    public AnnouncementView update(long id, AnnouncementRequest.Form form) {
        Instant now = clock.instant();
        Announcement a = find(id);
        inForce.changed();
        if (a.incidentId() != null) {
            throw new AnnouncementException.Conflict("这条公告属于一起故障，请在故障处理中更新进展。");
        }
        boolean wasShown = a.isActive(now);
        a.update(AnnouncementRequest.parse(form, now), now);
        if (wasShown && a.isActive(now)) {
            events.publishEvent(new AnnouncementPublished(publicView(a)));
        } else if (wasShown && !a.ended(now)) {
            // Moved into the future: hidden until its new start (an end in the past is pushed by pushDue).
            events.publishEvent(new AnnouncementEnded(a.id(), now));
        }
        pushDue();
        return AnnouncementView.of(a, now);
    }

    /** Ends an announcement now; it stays in the history. */
    @Transactional
    public AnnouncementView end(long id) {
        Instant now = clock.instant();
        Announcement a = find(id);
        inForce.changed();
        a.end(now);
        pushDue();
        return AnnouncementView.of(a, now);
    }

    @Transactional(readOnly = true)
    public AnnouncementView get(long id) {
        return AnnouncementView.of(find(id), clock.instant());
    }

    /** Whether the announcement exists and has not ended (subscriptions are taken for those only). */
    @Transactional(readOnly = true)
    public boolean isUpcomingOrActive(long id) {
        Instant now = clock.instant();
        return announcements.findById(id).map(a -> !a.ended(now)).orElse(false);
    }

    /** The latest announcements, in force or not. */
    @Transactional(readOnly = true)
    public List<AnnouncementView> history() {
        Instant now = clock.instant();
        return announcements.findTop200ByOrderByStartsAtDescIdDesc().stream()
                .map(a -> AnnouncementView.of(a, now)).toList();
    }

    /**
     * Pushes starts and ends that happened since the last call (a scheduled window opening, a window's end passing).
     * Runs on a timer and after every change; each start and end is pushed once.
     */
    @Scheduled(fixedDelayString = "${helpdesk.announcement.check-interval:PT15S}")
    @Transactional
    public void pushDue() {
        Instant now = clock.instant();
        inForce.changed(); // runs after every change (incidents' too) and on the timer
        for (Announcement a : announcements.pushCandidates(now)) {
            if (a.startDue(now)) {
                a.markAnnounced(now);
                events.publishEvent(new AnnouncementPublished(publicView(a)));
            } else if (a.endDue(now)) {
                a.markEndAnnounced(now);
                events.publishEvent(new AnnouncementEnded(a.id(), now));
            }
        }
    }

    ActiveAnnouncement publicView(Announcement a) {
        if (a.incidentId() == null) {
            return a.view(null, null);
        }
        return incidents.findById(a.incidentId())
                .map(i -> a.view(i.stage(), a.kind() == AnnouncementKind.INCIDENT ? i.expectedRestore() : null))
                .orElseGet(() -> a.view(null, null));
    }

    private Announcement find(long id) {
        return announcements.findById(id)
                .orElseThrow(() -> new AnnouncementException.NotFound("公告 " + id + " 不存在。"));
    }
}
