package cn.invoicehelp.chat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What "durable before sent" costs per chat event on the embedded database, and how much group commit gives back.
 * <p>
 * Appends events the way the event log does (lock the conversation row, take the next seq, insert the event) into a
 * fresh H2 file with the application's own migrations, committing every {@code k} events, once with H2's default
 * background flush ({@code WRITE_DELAY 500}: a killed process loses the last half second of commits) and once with
 * {@code WRITE_DELAY 0} (every commit is in the file before it returns — what the app runs). Run:
 * {@code mvn -B -q test -Dtest=DurableCommitBenchmark} (figures in docs/benchmarks.md).
 */
class DurableCommitBenchmark {

    private static final int EVENTS = Integer.getInteger("durable.bench.events", 20_000);
    private static final int CONVERSATIONS = 200;

    @Test
    void measuresTheCostOfDurableCommitsPerEvent() throws Exception {
        System.out.printf(Locale.ROOT, "%-12s %-22s %12s %12s %14s%n", "events/commit", "H2 setting",
                "µs/event", "µs/commit p99", "commits/s");
        for (int perCommit : Arrays.stream(System.getProperty("durable.bench.perCommit", "1,8,64").split(","))
                .mapToInt(Integer::parseInt).toArray()) {
            for (int writeDelay : new int[] {500, 0}) {
                run(perCommit, writeDelay, EVENTS / 4); // JIT and file warm-up, discarded
                Result r = run(perCommit, writeDelay, EVENTS);
                System.out.printf(Locale.ROOT, "%-12d %-22s %12.1f %12.0f %14.0f%n", perCommit,
                        writeDelay == 0 ? "WRITE_DELAY 0 (durable)" : "WRITE_DELAY 500",
                        r.microsPerEvent(), r.p99CommitMicros(), r.commitsPerSecond());
            }
        }
    }

    private record Result(int events, long nanos, long[] commitNanos) {
        double microsPerEvent() {
            return nanos / 1_000.0 / events;
        }

        double p99CommitMicros() {
            long[] sorted = commitNanos.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1_000.0;
        }

        double commitsPerSecond() {
            return commitNanos.length / (nanos / 1e9);
        }
    }

    private Result run(int perCommit, int writeDelay, int events) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/durable-commit-benchmark"));
        String name = "bench-" + perCommit + "-" + writeDelay;
        Files.deleteIfExists(dir.resolve(name + ".mv.db"));
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve(name)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + System.getProperty("durable.bench.url", "");
        Flyway.configure().dataSource(url, "sa", "").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("SET WRITE_DELAY " + writeDelay);
            List<UUID> conversations = createConversations(c);
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement(
                    "SELECT last_seq FROM chat_conversation WHERE id = ? FOR UPDATE");
                 PreparedStatement next = c.prepareStatement(
                         "UPDATE chat_conversation SET last_seq = ? WHERE id = ?");
                 PreparedStatement insert = c.prepareStatement("""
                         INSERT INTO chat_event (conversation_id, seq, type, sender, text, answered, created_at)
                         VALUES (?, ?, 'message', 'bot', ?, FALSE, ?)""")) {
                long[] commits = new long[(events + perCommit - 1) / perCommit];
                String text = "发票查不到时，请先核对发票代码、号码、开票日期和不含税金额；开票当天的发票次日才能查到。";
                long start = System.nanoTime();
                int done = 0;
                for (int i = 0; i < commits.length; i++) {
                    long t0 = System.nanoTime();
                    for (int j = 0; j < perCommit && done < events; j++, done++) {
                        UUID conversation = conversations.get(done % conversations.size());
                        lock.setObject(1, conversation);
                        long seq;
                        try (var rs = lock.executeQuery()) {
                            rs.next();
                            seq = rs.getLong(1) + 1;
                        }
                        next.setLong(1, seq);
                        next.setObject(2, conversation);
                        next.executeUpdate();
                        insert.setObject(1, conversation);
                        insert.setLong(2, seq);
                        insert.setString(3, text);
                        insert.setTimestamp(4, Timestamp.from(Instant.EPOCH.plusSeconds(done)));
                        insert.executeUpdate();
                    }
                    c.commit();
                    commits[i] = System.nanoTime() - t0;
                }
                return new Result(events, System.nanoTime() - start, commits);
            }
        }
    }

    private static List<UUID> createConversations(Connection c) throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO chat_conversation (id, token_hash, status, last_seq, handoff_notice_sent, created_at, updated_at)
                VALUES (?, ?, 'BOT', 0, FALSE, ?, ?)""")) {
            for (int i = 0; i < CONVERSATIONS; i++) {
                UUID id = UUID.randomUUID();
                insert.setObject(1, id);
                insert.setString(2, id.toString().replace("-", "") + "00000000000000000000000000000000");
                insert.setTimestamp(3, Timestamp.from(Instant.EPOCH));
                insert.setTimestamp(4, Timestamp.from(Instant.EPOCH));
                insert.executeUpdate();
                ids.add(id);
            }
        }
        return ids;
    }
}
