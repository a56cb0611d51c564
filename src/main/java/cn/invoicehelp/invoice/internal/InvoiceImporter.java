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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Streams a CSV of invoices into the directory in batches: new rows are inserted, changed rows updated, identical
 * rows left alone. A bad row is reported with its line number and never stops the good ones. On PostgreSQL a batch
 * goes in through {@code COPY} ({@link InvoiceCopy}); elsewhere (H2) through JDBC batches. Both count alike.
 */
@Component
public class InvoiceImporter {

    static final int BATCH = 1000;
    /** COPY pays per batch, not per row: larger batches on PostgreSQL (about 3 MB of rows held at a time). */
    static final int COPY_BATCH = 10_000;

    /** Counts of one import; {@code rejected} lists the bad rows (capped, see {@link ImportResult#MAX_REJECTED}). */
    public record ImportResult(long inserted, long updated, long unchanged, List<Rejection> rejected, long rejectedCount) {
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
        try (Writer writer = copying ? new BackgroundWriter(tally, writers) : new Writer(tally)) {
            readRows(records, batch, batchSize, writer, tally);
        }
        return tally.result();
    }

    private void readRows(CsvRecords records, Map<String, Pending> batch, int batchSize, Writer writer, Tally tally) {
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

    /** Stores batches one after another, in the reading thread. */
    private class Writer implements AutoCloseable {

        final Tally tally;

        Writer(Tally tally) {
            this.tally = tally;
        }

        void store(Map<String, Pending> batch) {
            if (!batch.isEmpty()) {
                List<Pending> rows = new ArrayList<>(batch.values());
                batch.clear();
                write(rows);
            }
        }

        void write(List<Pending> rows) {
            InvoiceImporter.this.store(rows, tally);
        }

        @Override
        public void close() {
        }
    }

    /**
     * Stores each batch in threads of their own while the next one is read and checked, so reading (Java) and storing
     * (the database) run at once. With several writers a batch is split by key hash, each part stored through its own
     * connection and transaction: the database's work runs on several cores. A key is in one part only and the next
     * batch starts once every part of the last one is done, so the lines of one invoice are applied in file order;
     * each part counts once committed and falls back to row-by-row on its own, exactly as a whole batch does. Closing
     * waits for the last batch, also when reading failed (a body over the size limit): whatever was stored stays.
     */
    private final class BackgroundWriter extends Writer {

        private final int parts;
        private final ExecutorService threads;
        private final List<Future<?>> writing = new ArrayList<>();

        BackgroundWriter(Tally tally, int parts) {
            super(tally);
            this.parts = parts;
            AtomicInteger count = new AtomicInteger();
            this.threads = Executors.newFixedThreadPool(parts, r -> {
                Thread writer = new Thread(r, "invoice-import-writer-" + count.incrementAndGet());
                writer.setDaemon(true);
                return writer;
            });
        }

        @Override
        void write(List<Pending> rows) {
            awaitWriting();
            for (List<Pending> part : split(rows, parts)) {
                writing.add(threads.submit(() -> InvoiceImporter.this.store(part, tally)));
            }
        }

        /** Waits for every part of the last batch, also after one of them failed, then reports the first failure. */
        private void awaitWriting() {
            RuntimeException failure = null;
            try {
                for (Future<?> part : writing) {
                    try {
                        part.get();
                    } catch (ExecutionException e) {
                        if (failure == null) {
                            failure = e.getCause() instanceof RuntimeException runtime ? runtime
                                    : new IllegalStateException(e.getCause());
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("import interrupted", e);
            } finally {
                writing.clear();
            }
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public void close() {
            try {
                awaitWriting();
            } finally {
                threads.shutdown();
            }
        }
    }

    /** The rows by key hash into {@code parts} lists, each in file order (empty ones left out). */
    private static List<List<Pending>> split(List<Pending> rows, int parts) {
        if (parts == 1) {
            return List.of(rows);
        }
        List<List<Pending>> split = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            split.add(new ArrayList<>(rows.size() / parts + 16));
        }
        for (Pending row : rows) {
            split.get(Math.floorMod(row.row().key().hashCode(), parts)).add(row);
        }
        split.removeIf(List::isEmpty);
        return split;
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

    private record Pending(int line, ImportRow row) {
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
