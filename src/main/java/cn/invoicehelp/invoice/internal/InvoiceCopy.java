package cn.invoicehelp.invoice.internal;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;

/**
 * Writes a batch of checked rows into the directory on PostgreSQL: {@code COPY} into a temporary staging table (the
 * fastest way in), then one {@code INSERT … ON CONFLICT} that inserts new invoices, updates changed ones and leaves
 * identical ones alone, counting each kind. The batch holds each invoice at most once (the importer sees to that).
 * Runs on the caller's transaction's connection; the staging table empties itself at commit.
 * <p>
 * While an import has met no stored invoice yet (a first load), a batch is first tried as a plain {@code INSERT}
 * behind a savepoint: {@code ON CONFLICT} looks every row up in the unique index before inserting it, and that
 * look-up was a third of the database's work per row. A batch holding any stored invoice fails that insert on its
 * first one; it is rolled back to the savepoint and merged as above, and the import merges from then on.
 */
final class InvoiceCopy {

    static final String VALUES = "type, issue_date, amount_excl_tax, tax, total, check_code, seller_name, "
            + "seller_tax_id, buyer_name, buyer_tax_id, status, entered_at";
    static final String COLUMNS = "code, number, " + VALUES;

    /** Same column types as the directory, no constraints; private to the session, emptied at every commit. */
    private static final String STAGING = "CREATE TEMP TABLE IF NOT EXISTS invoice_import ON COMMIT DELETE ROWS AS "
            + "SELECT " + COLUMNS + " FROM invoice WITH NO DATA";
    private static final String COPY = "COPY invoice_import (" + COLUMNS + ") FROM STDIN (FORMAT csv)";
    private static final String MERGE = "WITH merged AS (INSERT INTO invoice AS i (" + COLUMNS + ") SELECT " + COLUMNS
            + " FROM invoice_import ON CONFLICT (code, number) DO UPDATE SET " + set() + " WHERE (" + prefixed("i.")
            + ") IS DISTINCT FROM (" + prefixed("EXCLUDED.") + ") RETURNING (xmax = 0) AS inserted) "
            + "SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM merged";

    private static final String INSERT = "INSERT INTO invoice (" + COLUMNS + ") SELECT " + COLUMNS
            + " FROM invoice_import";
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * Inserted and updated rows of one batch; the rest of the batch was identical to what is stored.
     * {@code metStored}: the batch held an invoice already in the directory (or a plain insert was not tried).
     */
    record Merged(long inserted, long updated, boolean metStored) {
    }

    private InvoiceCopy() {
    }

    static boolean supports(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class);
    }

    static Merged write(Connection connection, List<ImportRow> rows, boolean tryPlainInsert) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(STAGING);
        }
        byte[] data = csv(rows);
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        try {
            copy.writeToCopy(data, 0, data.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        if (tryPlainInsert) {
            Savepoint beforeInsert = connection.setSavepoint();
            try (Statement statement = connection.createStatement()) {
                return new Merged(statement.executeUpdate(INSERT), 0, false);
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                connection.rollback(beforeInsert);
            }
        }
        try (Statement statement = connection.createStatement(); ResultSet counts = statement.executeQuery(MERGE)) {
            counts.next();
            return new Merged(counts.getLong(1), counts.getLong(2), true);
        }
    }

    /** The rows as PostgreSQL CSV: text always quoted (so an empty code stays '' rather than NULL), NULL unquoted. */
    static byte[] csv(List<ImportRow> rows) {
        StringBuilder out = new StringBuilder(rows.size() * 320); // a row is 200–300 characters: no regrowth
        for (ImportRow r : rows) {
            text(out, r.code()).append(',');
            text(out, r.number()).append(',');
            text(out, r.type().name()).append(',');
            out.append(r.issueDate()).append(',');
            out.append(r.amountExclTax().toPlainString()).append(',');
            out.append(r.tax().toPlainString()).append(',');
            out.append(r.total().toPlainString()).append(',');
            if (r.checkCode() != null) {
                text(out, r.checkCode());
            }
            out.append(',');
            text(out, r.sellerName()).append(',');
            text(out, r.sellerTaxId()).append(',');
            text(out, r.buyerName()).append(',');
            text(out, r.buyerTaxId()).append(',');
            text(out, r.status().name()).append(',');
            out.append(r.enteredAt()).append('\n'); // ISO 8601, cheaper than a DateTimeFormatter
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder text(StringBuilder out, String value) {
        if (value.indexOf('"') < 0) {
            return out.append('"').append(value).append('"');
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        return out.append('"');
    }

    private static String set() {
        StringBuilder set = new StringBuilder();
        for (String column : VALUES.split(", ")) {
            set.append(set.isEmpty() ? "" : ", ").append(column).append(" = EXCLUDED.").append(column);
        }
        return set.toString();
    }

    private static String prefixed(String prefix) {
        StringBuilder list = new StringBuilder();
        for (String column : VALUES.split(", ")) {
            list.append(list.isEmpty() ? "" : ", ").append(prefix).append(column);
        }
        return list.toString();
    }
}
