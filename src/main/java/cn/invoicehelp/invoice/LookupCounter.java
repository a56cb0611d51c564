package cn.invoicehelp.invoice;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;

/** Counts lookups per invoice and day in the database, so the daily limit survives restarts and several servers. */
@Component
class LookupCounter {

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    LookupCounter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records one lookup and returns how many there have been that day, this one included. The row is created if
     * missing (ON CONFLICT DO NOTHING works on PostgreSQL and on H2 in its PostgreSQL mode), then incremented under
     * its row lock, so concurrent lookups never lose a count. On PostgreSQL one upsert does it all, and the commit does
     * not wait for the WAL flush (about 1.3 ms per commit on this kind of disk): a crash of the database server may
     * forget the last fraction of a second of counts, which only a daily limit relies on, never an invoice.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int increment(String code, String number, LocalDate day) {
        if (postgres()) {
            jdbc.execute("SET LOCAL synchronous_commit TO OFF");
            Integer count = jdbc.queryForObject("INSERT INTO invoice_lookup_count (code, number, lookup_day, lookups) "
                    + "VALUES (?, ?, ?, 1) ON CONFLICT (code, number, lookup_day) DO UPDATE "
                    + "SET lookups = invoice_lookup_count.lookups + 1 RETURNING lookups", Integer.class, code, number, day);
            return count == null ? 1 : count;
        }
        jdbc.update("INSERT INTO invoice_lookup_count (code, number, lookup_day, lookups) VALUES (?, ?, ?, 0) "
                + "ON CONFLICT DO NOTHING", code, number, day);
        jdbc.update("UPDATE invoice_lookup_count SET lookups = lookups + 1 WHERE code = ? AND number = ? "
                + "AND lookup_day = ?", code, number, day);
        Integer count = jdbc.queryForObject("SELECT lookups FROM invoice_lookup_count WHERE code = ? AND number = ? "
                + "AND lookup_day = ?", Integer.class, code, number, day);
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
