package cn.invoicehelp.announcement;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/** Test helpers that act on the module directly. */
@TestComponent
public class AnnouncementFixtures {

    private final AnnouncementBoard board;
    private final Announcements announcements;
    private final Clock clock;

    AnnouncementFixtures(AnnouncementBoard board, Announcements announcements, Clock clock) {
        this.board = board;
        this.announcements = announcements;
        this.clock = clock;
    }

    public AnnouncementBoard board() {
        return board;
    }

    /**
     * Ends every announcement so tests start from a quiet board — also for other test contexts, which share the
     * in-memory database but not this context's moved clock. Marked as announced, so cleaning up pushes nothing.
     */
    @Transactional
    public void endAll() {
        java.time.Instant now = clock.instant();
        announcements.findAll().forEach(a -> {
            a.end(now);
            a.markAnnounced(now);
            a.markEndAnnounced(now);
        });
        board.pushDue(); // written past the board: it reads what is in force again
    }

    public long publishNow(String kind, String title) {
        return board.publish(new AnnouncementRequest.Form(kind, "INFO", title, "内容", java.util.List.of(), null, null),
                "test").id();
    }

    public long publishMaintenance(String title, String body, java.time.Duration lasting) {
        return board.publish(new AnnouncementRequest.Form("MAINTENANCE", "WARNING", title, body,
                java.util.List.of("ISSUE_INVOICE", "QUERY_HISTORY", "VERIFY_INVOICE"), null,
                clock.instant().plus(lasting).toString()), "test").id();
    }
}
