package cn.invoicehelp.invoice.internal;

import cn.invoicehelp.invoice.InvoiceType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a batch of checked rows into the directory with JDBC batches (the path for databases without
 * {@link InvoiceCopy}'s COPY, e.g. H2): reads the stored versions of the batch's invoices, inserts the new ones,
 * updates the changed ones and leaves identical ones alone. The batch holds each invoice at most once.
 */
final class InvoiceJdbcWrites {

    private static final String COLUMNS = "code, number, type, issue_date, amount_excl_tax, tax, total, check_code, "
            + "seller_name, seller_tax_id, buyer_name, buyer_tax_id, status, entered_at";
    private static final String INSERT = "INSERT INTO invoice (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String UPDATE = "UPDATE invoice SET type=?, issue_date=?, amount_excl_tax=?, tax=?, total=?, "
            + "check_code=?, seller_name=?, seller_tax_id=?, buyer_name=?, buyer_tax_id=?, status=?, entered_at=? "
            + "WHERE code=? AND number=?";

    /** Inserted, updated and unchanged rows of one batch. */
    record Written(long inserted, long updated, long unchanged) {
    }

    private InvoiceJdbcWrites() {
    }

    static Written write(JdbcTemplate jdbc, List<ImportRow> rows) {
        Map<String, ImportRow> existing = existing(jdbc, rows);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        long unchanged = 0;
        for (ImportRow row : rows) {
            ImportRow stored = existing.get(row.key());
            if (stored == null) {
                inserts.add(values(row));
            } else if (!stored.sameAs(row)) {
                updates.add(updateValues(row));
            } else {
                unchanged++;
            }
        }
        jdbc.batchUpdate(INSERT, inserts);
        jdbc.batchUpdate(UPDATE, updates);
        return new Written(inserts.size(), updates.size(), unchanged);
    }

    /** The stored versions of the batch's invoices, by key (the unique key starts with the number). */
    private static Map<String, ImportRow> existing(JdbcTemplate jdbc, List<ImportRow> rows) {
        List<String> numbers = rows.stream().map(ImportRow::number).distinct().toList();
        String marks = String.join(",", Collections.nCopies(numbers.size(), "?"));
        Map<String, ImportRow> found = new HashMap<>();
        jdbc.query("SELECT " + COLUMNS + " FROM invoice WHERE number IN (" + marks + ")", rs -> {
            ImportRow row = fromResultSet(rs);
            found.put(row.key(), row);
        }, numbers.toArray());
        return found;
    }

    private static ImportRow fromResultSet(ResultSet rs) throws SQLException {
        return new ImportRow(rs.getString(1), rs.getString(2), InvoiceType.valueOf(rs.getString(3)),
                rs.getDate(4).toLocalDate(), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                InvoiceStatus.valueOf(rs.getString(13)), rs.getObject(14, OffsetDateTime.class));
    }

    private static Object[] values(ImportRow r) {
        return new Object[] {r.code(), r.number(), r.type().name(), Date.valueOf(r.issueDate()), r.amountExclTax(),
                r.tax(), r.total(), r.checkCode(), r.sellerName(), r.sellerTaxId(), r.buyerName(), r.buyerTaxId(),
                r.status().name(), r.enteredAt()};
    }

    private static Object[] updateValues(ImportRow r) {
        return new Object[] {r.type().name(), Date.valueOf(r.issueDate()), r.amountExclTax(), r.tax(), r.total(),
                r.checkCode(), r.sellerName(), r.sellerTaxId(), r.buyerName(), r.buyerTaxId(), r.status().name(),
                r.enteredAt(), r.code(), r.number()};
    }
}
