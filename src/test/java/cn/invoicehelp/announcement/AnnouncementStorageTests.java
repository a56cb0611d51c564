package cn.invoicehelp.announcement;

import cn.invoicehelp.support.OnPostgres;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Announcement queries (not ended yet, what still has to be pushed, newest first) on H2 and on PostgreSQL. */
class AnnouncementStorageTests {

    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @AutoConfigureRestTestClient
    abstract static class OnEachDatabase {

        @Autowired
        Announcements announcements;

        // Far in the future, so no other test's clock ever sees these as active.
        private static final Instant START = Instant.parse("2091-03-01T01:00:00Z");

        private Announcement save(String title, Instant startsAt, Instant endsAt) {
            return announcements.save(new Announcement(new AnnouncementRequest(AnnouncementKind.MAINTENANCE,
                    AnnouncementLevel.WARNING, title, "系统升级期间发票查验暂停。", List.of(Affect.VERIFY_INVOICE),
                    startsAt, endsAt), null, "storage-test", START.minusSeconds(3600)));
        }

        private static List<Long> ids(List<Announcement> found) {
            return found.stream().map(Announcement::id).toList();
        }

        @Test
        void anAnnouncementIsNotEndedUntilItsEndOrUntilEndedAndIsPushedAtBothEnds() {
            Announcement window = save("夜间维护", START, START.plusSeconds(7200));
            Announcement open = save("临时维护", START.plusSeconds(60), null);
            List<Long> saved = List.of(window.id(), open.id());
            try {
                // Scheduled ones count as not ended (the board's clock decides when they show).
                assertThat(ids(announcements.notEndedAt(START.minusSeconds(1))))
                        .containsSubsequence(open.id(), window.id()); // latest start first
                assertThat(ids(announcements.notEndedAt(START.plusSeconds(7200)))).contains(open.id())
                        .doesNotContain(window.id());
                assertThat(ids(announcements.pushCandidates(START.plusSeconds(30)))).contains(window.id())
                        .doesNotContain(open.id());

                window.markAnnounced(START);
                open.end(START.plusSeconds(300));
                window = announcements.save(window);
                open = announcements.save(open);
                assertThat(ids(announcements.notEndedAt(START.plusSeconds(600)))).contains(window.id())
                        .doesNotContain(open.id());
                assertThat(ids(announcements.pushCandidates(START.plusSeconds(600)))).contains(window.id())
                        .doesNotContain(open.id());
                assertThat(ids(announcements.findTop200ByOrderByStartsAtDescIdDesc()))
                        .startsWith(open.id(), window.id());
            } finally {
                announcements.deleteAllById(saved);
            }
        }
    }

    @Nested
    class OnH2 extends OnEachDatabase {
    }

    @Nested
    @OnPostgres
    class OnPostgresql extends OnEachDatabase {
    }
}
