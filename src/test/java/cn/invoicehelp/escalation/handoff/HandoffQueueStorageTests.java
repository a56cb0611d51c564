package cn.invoicehelp.escalation.handoff;

import cn.invoicehelp.escalation.Agent;
import cn.invoicehelp.escalation.HandoffConflict;
import cn.invoicehelp.escalation.HandoffRequested;
import cn.invoicehelp.escalation.HandoffView;
import cn.invoicehelp.support.OnPostgres;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-off queue's storage (queue order, one request per conversation, optimistic claim) on H2 and PostgreSQL. */
class HandoffQueueStorageTests {

    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @AutoConfigureRestTestClient
    abstract static class OnEachDatabase {

        @Autowired
        HandoffQueue handoffs;

        @Autowired
        JdbcTemplate jdbc;

        /** A conversation as the chat stores it (the chat writes the queue's events into it). */
        private UUID conversation() {
            UUID id = UUID.randomUUID();
            Timestamp now = Timestamp.from(Instant.now());
            jdbc.update("INSERT INTO chat_conversation (id, token_hash, status, last_seq, handoff_notice_sent, "
                    + "created_at, updated_at) VALUES (?, ?, 'HANDOFF_PENDING', 0, FALSE, ?, ?)", id, id.toString(),
                    now, now);
            return id;
        }

        private static HandoffRequested requested(UUID id, Instant at) {
            return new HandoffRequested(id, "user", List.of("检查网络连接"), Map.of("number", "12345678"),
                    List.of(new HandoffRequested.Line("user", "转人工", at)), "https://fp.example.gov.cn/cx", at);
        }

        @Test
        void handoffsQueueOnceInOrderAndExactlyOneOfSimultaneousClaimsWins() throws Exception {
            UUID first = conversation();
            UUID second = conversation();
            Instant at = Instant.parse("2020-01-01T02:00:00Z"); // before everything else waiting: head of the queue
            handoffs.enqueue(requested(first, at));
            handoffs.enqueue(requested(second, at.plusSeconds(1)));
            handoffs.enqueue(requested(first, at.plusSeconds(2))); // republished: still one request

            assertThat(handoffs.active()).extracting(HandoffView::conversationId).containsSubsequence(first, second)
                    .containsOnlyOnce(first);

            int agents = 4;
            ExecutorService pool = Executors.newFixedThreadPool(agents);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HandoffView>> claims = new ArrayList<>();
            for (int i = 0; i < agents; i++) {
                Agent agent = new Agent("storage-agent-" + i, "坐席" + i);
                claims.add(pool.submit(() -> {
                    go.await();
                    return handoffs.claim(first, agent);
                }));
            }
            go.countDown();
            List<HandoffView> won = new ArrayList<>();
            int conflicts = 0;
            for (Future<HandoffView> claim : claims) {
                try {
                    won.add(claim.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(HandoffConflict.class);
                    conflicts++;
                }
            }
            pool.shutdown();

            assertThat(won).hasSize(1);
            assertThat(conflicts).isEqualTo(agents - 1);
            HandoffView claimed = handoffs.find(first).orElseThrow();
            assertThat(claimed.status()).isEqualTo("CLAIMED");
            assertThat(claimed.claimedBy()).isEqualTo(won.get(0).claimedBy());
            Agent winner = new Agent(claimed.claimedBy(), claimed.claimedByName());
            assertThat(handoffs.close(first, winner, false).status()).isEqualTo("CLOSED");
            handoffs.claim(second, winner);
            handoffs.close(second, winner, false);
            assertThat(handoffs.active()).extracting(HandoffView::conversationId).doesNotContain(first, second);
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
