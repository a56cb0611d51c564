package cn.invoicehelp.chat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * "Stored before sent" has to mean durable before sent. Embedded H2 (MVStore) writes committed transactions to its
 * file only every {@code WRITE_DELAY} ms (default 500) from a background thread, so a killed process loses commits whose
 * events clients already saw, and their seqs are handed out again after the restart. With {@code WRITE_DELAY 0}
 * H2 writes the transaction's chunk to the file inside the commit. PostgreSQL commits are durable as long as
 * {@code synchronous_commit} is on, which is checked and warned about here.
 */
@Component
class DurableCommits implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(DurableCommits.class);

    private final JdbcTemplate jdbc;

    DurableCommits(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterPropertiesSet() {
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            // A database-wide setting: one statement on any connection applies to the whole store.
            jdbc.execute("SET WRITE_DELAY 0");
            LOG.info("H2 writes every commit to its file before the commit returns (WRITE_DELAY 0)");
        } else if (name.contains("postgres")) {
            String synchronous = jdbc.queryForObject("SHOW synchronous_commit", String.class);
            if ("off".equalsIgnoreCase(synchronous)) {
                LOG.warn("PostgreSQL synchronous_commit is off: a crash can lose chat events clients already saw");
            }
        }
    }
}
