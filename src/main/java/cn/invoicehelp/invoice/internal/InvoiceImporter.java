package cn.invoicehelp.invoice.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a CSV of invoices into the directory in batches: new rows are inserted, changed rows updated, identical
 * rows left alone. A bad row is reported with its line number and never stops the good ones. On PostgreSQL a batch
 * goes in through {@code COPY} ({@link InvoiceCopy}) on writer threads while the next one is read
 * ({@link BatchWriter.Background}); elsewhere (H2) through JDBC batches in the reading thread. Both count alike.
 */
@Component
public class InvoiceImporter {

    static final int BATCH = 1000;
    /** COPY pays per batch, not per row: larger batches on PostgreSQL (about 3 MB of rows held at a time). */
    static final int COPY_BATCH = 10_000;

    /** Counts of one import; {@code rejected} lists the bad rows (capped, see {@link ImportResult#MAX_REJECTED}). */
    public record ImportResult(long inserted, long updated, long unchanged, List<Rejection> rejected,
            long rejectedCount) {
        static final int MAX_REJECTED = 1000;
    }

    /** A rejected line; {@code fields} (the row as read, for the CSV report) is not part of the JSON answer. */
    public record Rejection(int line, String reason, @JsonIgnore List<String> fields) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final int copyBatch;
    private final int writers;
    private volatile Boolean copy;

    @Autowired
    InvoiceImporter(JdbcTemplate jdbc, TransactionTemplate transactions, InvoiceProperties properties) {
        this(jdbc, transactions, COPY_BATCH, properties.importWriters());
    }

    InvoiceImporter(JdbcTemplate jdbc, TransactionTemplate transactions, int copyBatch, int writers) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.copyBatch = copyBatch;
        this.writers = writers;
    }

    /** Whether batches go in through PostgreSQL's COPY (decided on first use, from the database behind the pool). */
    boolean usesCopy() {
        Boolean known = copy;
        if (known == null) {
            known = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) InvoiceCopy::supports));
            copy = known;
        }
        return known;
    }

    public ImportResult importCsv(Reader reader) throws IOException {
        CsvRecords records = new CsvRecords(reader);
        Tally tally = new Tally();
        CsvRecords.Row header = records.next();
        if (header == null || header.unterminatedQuote() || !String.join(",", header.fields()).strip()
                .replace("\uFEFF", "").equalsIgnoreCase(ImportRow.HEADER)) {
            tally.reject(1, "第一行应为表头: " + ImportRow.HEADER, List.of());
            return tally.result();
        }
        Map<String, Pending> batch = new LinkedHashMap<>();
        boolean copying = usesCopy();
        int batchSize = copying ? copyBatch : BATCH;
        try (BatchWriter writer = copying ? new BatchWriter.Background(writers, rows -> store(rows, tally))
                : new BatchWriter(rows -> store(rows, tally))) {
            readRows(records, batch, batchSize, writer, tally);
        }
        return tally.result();
    }

    private void readRows(CsvRecords records, Map<String, Pending> batch, int batchSize, BatchWriter writer,
            Tally tally) {
        for (CsvRecords.Row row = records.next(); row != null; row = records.next()) {
            if (row.unterminatedQuote()) {
                rejectUnclosedQuote(row, tally);
                break;
            }
            try {
                if (row.fields().stream().anyMatch(field -> field.indexOf('\uFFFD') >= 0)) {
                    throw new ImportRow.Rejected(UNDECODABLE);
                }
                if (row.lastLine() > row.line()) {
                    // No invoice field holds a line break: such a record is two rows glued by a stray quote.
                    throw new ImportRow.Rejected("字段中不能含有换行");
                }
                ImportRow parsed = ImportRow.parse(row.fields());
                Pending earlier = batch.get(parsed.key());
                if (earlier != null && earlier.row().sameAs(parsed)) {
                    tally.unchangedInFile();
                } else {
                    if (earlier != null) {
                        writer.store(batch); // the same invoice changed later in the file: apply the lines in order
                    }
                    batch.put(parsed.key(), new Pending(row.line(), parsed));
                }
            } catch (ImportRow.Rejected e) {
                rejectRecord(row, e.getMessage(), tally);
            }
            if (batch.size() >= batchSize) {
                writer.store(batch);
            }
        }
        writer.store(batch);
    }

    static final String UNDECODABLE = "这一行有无法解码的字节(乱码),没有导入。文件若不是 UTF-8 编码,请在 Content-Type 中声明字符集,"
            + "例如 text/csv; charset=GBK(支持 UTF-8、GBK、GB18030)";

    /** A bad record that spans several lines: every line it swallowed is named, so none is lost without a word. */
    private static void rejectRecord(CsvRecords.Row row, String reason, Tally tally) {
        if (row.lastLine() == row.line()) {
            tally.reject(row.line(), reason, row.fields());
            return;
        }
        String span = "(第 " + row.line() + "–" + row.lastLine() + " 行被读成了一条记录,可能是某个双引号没有闭合)";
        tally.reject(row.line(), reason + span, row.fields());
        for (int line = row.line() + 1; line <= row.lastLine(); line++) {
            tally.reject(line, "没有导入:这一行属于第 " + row.line() + " 行开始的记录" + span, List.of());
        }
    }

    /** An unclosed quote ran to the end of the file: each of the lines it swallowed is reported, none imported. */
    private static void rejectUnclosedQuote(CsvRecords.Row row, Tally tally) {
        tally.reject(row.line(), "这一行的双引号没有闭合,从这一行到文件末尾(第 " + row.lastLine()
                + " 行)都被读成了同一个字段,没有导入;请补上引号后重新导入这些行", List.of());
        for (int line = row.line() + 1; line <= row.lastLine(); line++) {
            tally.reject(line, "没有导入:第 " + row.line() + " 行的双引号没有闭合,这一行被读进了那个字段", List.of());
        }
    }

    /** A checked row waiting for its batch to be stored. */
    record Pending(int line, ImportRow row) {
    }

    private void store(List<Pending> rows, Tally tally) {
        try {
            // counted once committed
            tally.add(transactions.execute(status -> usesCopy() ? copy(rows, new Tally(), tally)
                    : write(rows, new Tally())));
        } catch (RuntimeException batchFailed) {
            // One row the database refuses must not cost the others: retry them one by one (plain statements, so
            // the reason is the same whichever way the batch went in).
            for (Pending row : rows) {
                try {
                    tally.add(transactions.execute(status -> write(List.of(row), new Tally())));
                } catch (RuntimeException e) {
                    tally.reject(row.line(), "数据库拒绝了这一行: " + rootMessage(e), List.of());
                }
            }
        }
    }

    private Tally copy(List<Pending> rows, Tally counts, Tally run) {
        boolean tryPlainInsert = !run.metStored;
        InvoiceCopy.Merged merged = jdbc.execute((ConnectionCallback<InvoiceCopy.Merged>) connection ->
                InvoiceCopy.write(connection, rows.stream().map(Pending::row).toList(), tryPlainInsert));
        if (merged.metStored()) {
            run.metStored = true;
        }
        counts.inserted += merged.inserted();
        counts.updated += merged.updated();
        counts.unchanged += rows.size() - merged.inserted() - merged.updated();
        return counts;
    }

    private Tally write(List<Pending> rows, Tally counts) {
        InvoiceJdbcWrites.Written written = InvoiceJdbcWrites.write(jdbc, rows.stream().map(Pending::row).toList());
        counts.inserted += written.inserted();
        counts.updated += written.updated();
        counts.unchanged += written.unchanged();
        return counts;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        return message.length() > 200 ? message.substring(0, 200) : message;
    }

    /**
     * Running counts, shared by the reading and the storing thread; a batch counts into a tally of its own that is
     * added only once its transaction has committed.
     */
    private static final class Tally {
        long inserted;
        long updated;
        long unchanged;
        long rejectedCount;
        final List<Rejection> rejected = new ArrayList<>();
        /** The import has met an invoice already stored: batches merge without trying a plain insert first. */
        volatile boolean metStored;

        synchronized void reject(int line, String reason, List<String> fields) {
            rejectedCount++;
            if (rejected.size() < ImportResult.MAX_REJECTED) {
                rejected.add(new Rejection(line, reason, List.copyOf(fields)));
            }
        }

        synchronized void unchangedInFile() {
            unchanged++;
        }

        synchronized void add(Tally batch) {
            inserted += batch.inserted;
            updated += batch.updated;
            unchanged += batch.unchanged;
        }

        synchronized ImportResult result() {
            return new ImportResult(inserted, updated, unchanged, List.copyOf(rejected), rejectedCount);
        }
    }
}
