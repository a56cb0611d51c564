package cn.invoicehelp.invoice.internal;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;

/** Counts lookups per invoice and day in the database, so the daily limit survives restarts and several servers. */
@Component
class LookupCounter {

    /**
     * One statement in auto-commit: creates the day's row or increments it under its row lock (concurrent lookups
     * never lose a count) and returns the count. {@code set_config(…, true)} turns {@code synchronous_commit} off for
     * this statement's own transaction only, so its commit does not wait for the WAL flush: a crash of the database
     * server may forget the last fraction of a second of counts, which only a daily limit relies on, never an invoice.
     */
    private static final String UPSERT = "INSERT INTO invoice_lookup_count (code, number, lookup_day, lookups) "
            + "SELECT ?, ?, ?, 1 FROM (SELECT set_config('synchronous_commit', 'off', true)) AS without_flush "
            + "ON CONFLICT (code, number, lookup_day) DO UPDATE SET lookups = invoice_lookup_count.lookups + 1 "
            + "RETURNING lookups";

    private final JdbcTemplate jdbc;
    /** Outside any transaction of the caller: the count commits at once, whatever the caller does afterwards. */
    private final TransactionTemplate outside;
    private final TransactionTemplate own;
    private volatile Boolean postgres;

    LookupCounter(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.outside = new TransactionTemplate(transactions);
        this.outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records one lookup and returns how many there have been that day, this one included. On PostgreSQL one upsert
     * in auto-commit (one round trip); elsewhere (H2) the row is created if missing, incremented under its row lock and
     * read back, in a transaction of its own.
     */
    public int increment(String code, String number, LocalDate day) {
        Integer count = postgres()
                ? outside.execute(status -> jdbc.queryForObject(UPSERT, Integer.class, code, number, day))
                : own.execute(status -> {
                    jdbc.update("INSERT INTO invoice_lookup_count (code, number, lookup_day, lookups) "
                            + "VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING", code, number, day);
                    jdbc.update("UPDATE invoice_lookup_count SET lookups = lookups + 1 WHERE code = ? AND number = ? "
                            + "AND lookup_day = ?", code, number, day);
                    return jdbc.queryForObject("SELECT lookups FROM invoice_lookup_count WHERE code = ? "
                            + "AND number = ? AND lookup_day = ?", Integer.class, code, number, day);
                });
        return count == null ? 1 : count;
    }

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) InvoiceCopy::supports));
            postgres = known;
        }
        return known;
    }
}
