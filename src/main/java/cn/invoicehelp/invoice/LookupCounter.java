package cn.invoicehelp.invoice;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;

/** Counts lookups per invoice and day in the database, so the daily limit survives restarts and several servers. */
@Component
class LookupCounter {

    private final JdbcTemplate jdbc;

    LookupCounter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records one lookup and returns how many there have been that day, this one included. The row is created if
     * missing (ON CONFLICT DO NOTHING works on PostgreSQL and on H2 in its PostgreSQL mode), then incremented under
     * its row lock, so concurrent lookups never lose a count.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int increment(String code, String number, LocalDate day) {
        jdbc.update("INSERT INTO invoice_lookup_count (code, number, lookup_day, lookups) VALUES (?, ?, ?, 0) "
                + "ON CONFLICT DO NOTHING", code, number, day);
        jdbc.update("UPDATE invoice_lookup_count SET lookups = lookups + 1 WHERE code = ? AND number = ? "
                + "AND lookup_day = ?", code, number, day);
        Integer count = jdbc.queryForObject("SELECT lookups FROM invoice_lookup_count WHERE code = ? AND number = ? "
                + "AND lookup_day = ?", Integer.class, code, number, day);
        return count == null ? 1 : count;
    }
}
