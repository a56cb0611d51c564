package cn.invoicehelp.chat;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.time.Duration;
import java.util.Locale;

/**
 * "Stored before sent" has to mean durable before sent. Embedded H2 (MVStore) writes committed transactions to its
 * file only every {@code WRITE_DELAY} ms (default 500) from a background thread, so a killed process loses commits whose
 * events clients already saw, and their seqs are handed out again after the restart. With {@code WRITE_DELAY 0}
 * H2 writes the transaction's chunk to the file inside the commit. PostgreSQL commits are durable as long as
 * {@code synchronous_commit} is on, which is checked and warned about here.
 * <p>
 * {@code WRITE_DELAY 0} also stops H2's background thread, and with it the housekeeping that thread does: rewriting
 * the few live pages of old chunks so the chunks can be freed. Without it every commit leaves a mostly dead chunk
 * behind and the file grows for ever (about 5 MB/s at 200 chat messages/s), so {@link #housekeeping()} does that
 * part of the thread's work on a timer. It also forces the file to disk each round, which lets H2 reuse a freed
 * chunk's space after {@link #RETENTION_MILLIS} (or ten rounds, if longer) instead of its default 45 s (the time it allows the operating system
 * to write its buffers): the file then stays about ten seconds of writes larger than its live data, and a power cut
 * loses about the last second of commits rather than up to half a minute.
 */
@Component
class DurableCommits implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(DurableCommits.class);
    /** Rewrite when less than this share of the chunks' bytes is still live (H2's own threshold for a busy store). */
    static final int TARGET_FILL_RATE = 50;
    /** Live bytes moved per round: enough to free chunks faster than a busy chat makes them, small enough that a
     * commit waiting for the store lock meanwhile waits milliseconds. */
    static final int REWRITE_BYTES = 1024 * 1024;
    /** How long H2 keeps a freed chunk before reusing its space: at least ten housekeeping rounds, each forcing the
     * file to disk, so a chunk a new write could still depend on after a power cut is never overwritten. */
    static final int RETENTION_MILLIS = 10_000;

    private final JdbcTemplate jdbc;
    private final long retentionMillis;
    /** The embedded H2 store, or null (PostgreSQL, or H2 in memory). */
    private volatile MVStore store;

    DurableCommits(JdbcTemplate jdbc,
                   @Value("${helpdesk.chat.store-housekeeping-interval:PT1S}") Duration housekeepingInterval) {
        this.jdbc = jdbc;
        this.retentionMillis = Math.max(RETENTION_MILLIS, 10 * housekeepingInterval.toMillis());
    }

    @Override
    public void afterPropertiesSet() {
        String product = jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName());
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            // A database-wide setting: one statement on any connection applies to the whole store.
            jdbc.execute("SET WRITE_DELAY 0");
            store = jdbc.execute(DurableCommits::fileStoreOf);
            if (store != null) {
                jdbc.execute("SET RETENTION_TIME " + Math.min(Integer.MAX_VALUE, retentionMillis));
            }
            LOG.info("H2 writes every commit to its file before the commit returns (WRITE_DELAY 0)");
        } else if (name.contains("postgres")) {
            String synchronous = jdbc.queryForObject("SHOW synchronous_commit", String.class);
            if ("off".equalsIgnoreCase(synchronous)) {
                LOG.warn("PostgreSQL synchronous_commit is off: a crash can lose chat events clients already saw");
            }
        }
    }

    private static MVStore fileStoreOf(Connection connection) throws java.sql.SQLException {
        if (connection.isWrapperFor(JdbcConnection.class)
                && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
                && session.getDatabase().isPersistent()) {
            return session.getDatabase().getStore().getMvStore();
        }
        return null;
    }

    @Scheduled(fixedDelayString = "${helpdesk.chat.store-housekeeping-interval:PT1S}")
    void housekeeping() {
        compactOnce();
    }

    /**
     * One round: force what is written so far to disk, then what H2's background thread would do: when most of the chunks' bytes are dead, move the live pages
     * of the emptiest old chunks (up to {@link #REWRITE_BYTES}) and store them at once — this thread pays for the
     * write, not the next chat turn's commit. The emptied chunks are freed by a later commit once H2's retention
     * time has passed, and new chunks reuse their space.
     *
     * @return whether pages were moved
     */
    boolean compactOnce() {
        MVStore current = store;
        if (current == null || current.isClosed()) {
            return false;
        }
        try {
            current.sync();
            if (current.compact(TARGET_FILL_RATE, REWRITE_BYTES)) {
                current.commit();
                return true;
            }
        } catch (MVStoreException closedMeanwhile) {
            LOG.debug("Store housekeeping skipped", closedMeanwhile);
        }
        return false;
    }
}
