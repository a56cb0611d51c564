package cn.invoicehelp.invoice;

import org.springframework.dao.DuplicateKeyException;
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

    /** Records one lookup and returns how many there have been that day, this one included. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int increment(String code, String number, LocalDate day) {
        for (int attempt = 0; attempt < 3; attempt++) {
            int updated = jdbc.update("UPDATE invoice_lookup_count SET lookups = lookups + 1 "
                    + "WHERE code = ? AND number = ? AND lookup_day = ?", code, number, day);
            if (updated == 0) {
                try {
                    jdbc.update("INSERT INTO invoice_lookup_count (code, number, lookup_day, lookups) VALUES (?, ?, ?, 1)",
                            code, number, day);
                    return 1;
                } catch (DuplicateKeyException raced) {
                    continue; // another request inserted the row first: count on it
                }
            }
            Integer count = jdbc.queryForObject("SELECT lookups FROM invoice_lookup_count "
                    + "WHERE code = ? AND number = ? AND lookup_day = ?", Integer.class, code, number, day);
            return count == null ? 1 : count;
        }
        throw new IllegalStateException("查验次数计数失败");
    }
}
