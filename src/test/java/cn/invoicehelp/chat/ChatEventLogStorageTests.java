package cn.invoicehelp.chat;

import cn.invoicehelp.support.OnPostgres;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chat event log (row lock, gap-free seqs, group commit, replay) on H2 and on PostgreSQL. */
class ChatEventLogStorageTests {

    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @AutoConfigureRestTestClient
    abstract static class OnEachDatabase {

        @Autowired
        ChatSessions sessions;

        @Autowired
        EventLog log;

        @Autowired
        org.springframework.transaction.support.TransactionTemplate tx;

        @Autowired
        org.springframework.jdbc.core.JdbcTemplate jdbc;

        private UUID open() {
            return sessions.open("https://fp.example.gov.cn/cx", "zh-CN").conversationId();
        }

        private static List<Long> seqs(List<EventView> events) {
            return events.stream().map(EventView::seq).toList();
        }

        private static List<Long> oneTo(long n) {
            return LongStream.rangeClosed(1, n).boxed().toList();
        }

        @Test
        void concurrentAppendsToSeveralConversationsGetGapFreeSeqsAndReplayInOrder() throws Exception {
            List<UUID> conversations = List.of(open(), open(), open());
            int greeting = log.after(conversations.get(0), 0, 1000).size();
            int perConversation = 20;
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<?>> appends = new ArrayList<>();
            for (int i = 0; i < perConversation; i++) {
                for (UUID id : conversations) {
                    String key = "m-" + i;
                    String text = "第 " + i + " 条消息";
                    appends.add(pool.submit(() -> log.append(id, locked -> locked.append(
                            NewEvent.userMessage(text, key, null)))));
                }
            }
            for (Future<?> append : appends) {
                append.get();
            }
            pool.shutdown();

            for (UUID id : conversations) {
                List<EventView> events = log.after(id, 0, 1000);
                assertThat(seqs(events)).isEqualTo(oneTo(greeting + perConversation));
                assertThat(events).filteredOn(e -> "user".equals(e.sender())).extracting(EventView::clientMessageId)
                        .hasSize(perConversation).doesNotHaveDuplicates();
                assertThat(seqs(log.after(id, greeting + 5, 3))).containsExactly(greeting + 6L, greeting + 7L,
                        greeting + 8L);
            }
        }

        @Test
        void anAppendIsCommittedWhenItReturnsEvenIfTheCallerIsInsideATransactionOfItsOwn() {
            UUID id = open();
            tx.executeWithoutResult(status -> {
                long seq = log.append(id, locked -> locked.append(NewEvent.system("system", "已存好", null)))
                        .get(0).seq();
                // Another thread, another connection: sees only what is committed. The caller's own transaction is
                // still open, so the append must not have joined it (its event would be sent before it is stored).
                Integer seen = java.util.concurrent.CompletableFuture.supplyAsync(() -> jdbc.queryForObject(
                        "SELECT COUNT(*) FROM chat_event WHERE conversation_id = ? AND seq = ?", Integer.class, id,
                        seq)).join();
                assertThat(seen).isEqualTo(1);
            });
        }

        @Test
        void anAppendTheDatabaseRefusesLeavesNoGapAndTheConversationWritable() {
            UUID id = open();
            log.append(id, locked -> locked.append(NewEvent.userMessage("你好", "same-key", null)));

            assertThatThrownBy(() -> log.append(id, locked -> locked.append(
                    NewEvent.userMessage("再发一次", "same-key", null))))
                    .isInstanceOf(DataIntegrityViolationException.class);
            log.append(id, locked -> {
                assertThat(locked.echoOf("same-key")).isPresent();
                locked.append(NewEvent.userMessage("继续", "next-key", null));
            });

            List<EventView> events = log.after(id, 0, 1000);
            assertThat(seqs(events)).isEqualTo(oneTo(events.size()));
            assertThat(events).extracting(EventView::text).endsWith("你好", "继续");
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
