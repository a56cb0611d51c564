package cn.invoicehelp.invoice.internal;

import cn.invoicehelp.invoice.InvoiceType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The lookup's read of the directory: one SELECT by the unique key, in auto-commit (a single read needs no
 * transaction of its own), so a lookup costs one round trip to the database here instead of a begin, the query and a
 * commit through the JPA repository.
 */
@Component
class InvoiceDirectory {

    private static final String BY_KEY = "SELECT " + InvoiceCopy.COLUMNS + " FROM invoice WHERE number = ? AND code = ?";

    private final JdbcTemplate jdbc;

    InvoiceDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Invoice> find(String code, String number) {
        List<Invoice> found = jdbc.query(BY_KEY, (rs, i) -> new Invoice(rs.getString(1), rs.getString(2),
                InvoiceType.valueOf(rs.getString(3)), rs.getDate(4).toLocalDate(), rs.getBigDecimal(5),
                rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), InvoiceStatus.valueOf(rs.getString(13)),
                rs.getObject(14, OffsetDateTime.class)), number, code);
        return found.stream().findFirst();
    }
}
