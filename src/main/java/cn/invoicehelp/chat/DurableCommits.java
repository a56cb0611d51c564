package cn.invoicehelp.chat;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * "Stored before sent" has to mean durable before sent. Embedded H2 (MVStore) writes committed transactions to its
 * file only every {@code WRITE_DELAY} ms (default 500) from a background thread, so a killed process loses commits whose
 * events clients already saw, and their seqs are handed out again after the restart. With {@code WRITE_DELAY 0}
 * H2 writes the transaction's chunk to the file inside the commit. PostgreSQL commits are durable as long as
 * {@code synchronous_commit} is on, which is checked and warned about here.
 * <p>
 * {@code WRITE_DELAY 0} also stops H2's background thread, and with it the housekeeping that thread does: rewriting
 * the few live pages of old chunks so the chunks can be freed. Without it every commit leaves a mostly dead chunk
 * behind and the file grows for ever (about 4–5 MB/s at 200 chat messages/s), so a thread of this class does that
 * part of the thread's work every {@code helpdesk.chat.store-housekeeping-interval} (default 1 s). Each round also
 * forces the file to disk, so after an operating system crash or power cut usually only about the last second of
 * commits is missing; H2 does not promise more than that for such a crash (PostgreSQL is the engine where it
 * matters). Freed chunks are reused after {@link #RETENTION_MILLIS} instead of H2's default 45 s: a file-size
 * choice (the file stays about that many seconds of writes larger than its data), not a safety one.
 */
@Component
class DurableCommits implements InitializingBean, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(DurableCommits.class);
    /** Rewrite when less than this share of the chunks' bytes is still live (H2's own threshold for a busy store). */
    static final int TARGET_FILL_RATE = 50;
    /** Live bytes moved per round: enough to free chunks faster than a busy chat makes them, small enough that a
     * commit waiting for the store lock meanwhile waits milliseconds. */
    static final int REWRITE_BYTES = 1024 * 1024;
    /** How long H2 keeps a chunk before its space may be reused (ten rounds, if longer). */
    static final int RETENTION_MILLIS = 10_000;

    private final JdbcTemplate jdbc;
    private final Duration interval;
    /** The embedded H2 store, or null (PostgreSQL, H2 in memory, or shut down). */
    private volatile MVStore store;
    /**
     * Its own thread: the application's shared scheduler may be busy with other work, and interrupts its tasks at
     * shutdown, which would close H2's file channel under the store.
     */
    private ScheduledExecutorService housekeeper;

    DurableCommits(JdbcTemplate jdbc,
                   @Value("${helpdesk.chat.store-housekeeping-interval:PT1S}") Duration interval) {
        this.jdbc = jdbc;
        this.interval = interval;
    }

    @Override
    public void afterPropertiesSet() {
        String product = jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName());
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            // A database-wide setting: one statement on any connection applies to the whole store.
            jdbc.execute("SET WRITE_DELAY 0");
            store = openStore();
            LOG.info("H2 writes every commit to its file before the commit returns (WRITE_DELAY 0)");
            if (store != null && interval.toMillis() > 0) {
                housekeeper = Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, "h2-housekeeping");
                    thread.setDaemon(true);
                    return thread;
                });
                housekeeper.scheduleWithFixedDelay(this::compactOnce, interval.toMillis(), interval.toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        } else if (name.contains("postgres")) {
            String synchronous = jdbc.queryForObject("SHOW synchronous_commit", String.class);
            if ("off".equalsIgnoreCase(synchronous)) {
                LOG.warn("PostgreSQL synchronous_commit is off: a crash can lose chat events clients already saw");
            }
        }
    }

    /** The file store behind the pool, with this class's retention (set on the store: not saved in the file). */
    private MVStore openStore() {
        MVStore opened = jdbc.execute((Connection connection) -> connection.isWrapperFor(JdbcConnection.class)
                && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
                && session.getDatabase().isPersistent() ? session.getDatabase().getStore().getMvStore() : null);
        if (opened != null) {
            opened.setRetentionTime((int) Math.min(Integer.MAX_VALUE,
                    Math.max(RETENTION_MILLIS, 10 * interval.toMillis())));
        }
        return opened;
    }

    /**
     * One round: force what is written so far to disk, then what H2's background thread would do: when most of the
     * chunks' bytes are dead, move the live pages of the emptiest old chunks (up to {@link #REWRITE_BYTES}) and store
     * them at once — this thread pays for the write, not the next chat turn's commit. The emptied chunks are freed by
     * a later commit once the retention time has passed, and new chunks reuse their space.
     *
     * @return whether pages were moved
     */
    boolean compactOnce() {
        try {
            MVStore current = store;
            if (current != null && current.isClosed()) {
                // H2 closed the database with its last connection and opened it again: follow it.
                current = store = openStore();
            }
            if (current == null) {
                return false;
            }
            current.sync();
            if (current.compact(TARGET_FILL_RATE, REWRITE_BYTES)) {
                current.commit();
                return true;
            }
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_CLOSED) {
                LOG.debug("Store housekeeping skipped: the database is closing", e);
            } else {
                LOG.warn("Store housekeeping failed", e);
            }
        } catch (RuntimeException e) {
            LOG.warn("Store housekeeping failed", e);
        }
        return false;
    }

    /** Before the connection pool closes (this bean depends on it): lets a running round finish, uninterrupted. */
    @Override
    public void destroy() throws InterruptedException {
        store = null;
        if (housekeeper != null) {
            housekeeper.shutdown();
            housekeeper.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
