package cn.invoicehelp.announcement;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class InForceTests {

    private static final Instant T = Instant.parse("2026-11-30T02:00:00Z");

    private final AtomicLong nanos = new AtomicLong();
    private final InForce inForce = new InForce(nanos::get);
    private final List<ActiveAnnouncement> stored = new ArrayList<>();
    private final AtomicInteger reads = new AtomicInteger();

    private List<ActiveAnnouncement> read() {
        reads.incrementAndGet();
        return List.copyOf(stored);
    }

    private static ActiveAnnouncement announcement(long id, AnnouncementLevel level, Instant starts, Instant ends) {
        return new ActiveAnnouncement(id, AnnouncementKind.MAINTENANCE, level, "维护 " + id, "暂停查验。",
                List.of(Affect.VERIFY_INVOICE), starts, ends, null, null, ends);
    }

    private List<Long> ids(Instant now) {
        return inForce.at(now, this::read).stream().map(ActiveAnnouncement::id).toList();
    }

    @Test
    void whatIsInForceFollowsTheClockAtEveryReadWithoutReadingTheTableAgain() {
        stored.add(announcement(1, AnnouncementLevel.INFO, T.plusSeconds(60), T.plusSeconds(3600)));
        stored.add(announcement(2, AnnouncementLevel.CRITICAL, T, null));

        assertThat(ids(T.minusSeconds(1))).isEmpty();
        assertThat(ids(T)).containsExactly(2L);
        assertThat(ids(T.plusSeconds(60))).containsExactly(2L, 1L); // the most severe first
        assertThat(ids(T.plusSeconds(3600))).containsExactly(2L); // a window's end passed
        assertThat(reads).hasValue(1);
    }

    @Test
    void aChangeOnThisNodeShowsAtTheNextRead() {
        assertThat(ids(T)).isEmpty();
        stored.add(announcement(3, AnnouncementLevel.WARNING, T, null));
        inForce.changed();
        assertThat(ids(T)).containsExactly(3L);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aChangeOnAnotherNodeShowsWithinASecond() {
        assertThat(ids(T)).isEmpty();
        stored.add(announcement(4, AnnouncementLevel.WARNING, T, null));
        nanos.addAndGet(InForce.MAX_AGE_NANOS / 2);
        assertThat(ids(T)).isEmpty();
        nanos.addAndGet(InForce.MAX_AGE_NANOS);
        assertThat(ids(T)).containsExactly(4L);
    }
}
