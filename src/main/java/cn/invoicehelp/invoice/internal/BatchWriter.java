package cn.invoicehelp.invoice.internal;

import cn.invoicehelp.invoice.internal.InvoiceImporter.Pending;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Hands the importer's batches to {@code store}, one after another, in the reading thread. */
class BatchWriter implements AutoCloseable {

    private final Consumer<List<Pending>> store;

    BatchWriter(Consumer<List<Pending>> store) {
        this.store = store;
    }

    /** Takes the batch's rows (the map is left empty for the next batch) and writes them. */
    final void store(Map<String, Pending> batch) {
        if (!batch.isEmpty()) {
            List<Pending> rows = new ArrayList<>(batch.values());
            batch.clear();
            write(rows);
        }
    }

    void write(List<Pending> rows) {
        store.accept(rows);
    }

    @Override
    public void close() {
    }

    /**
     * Stores each batch in threads of their own while the next one is read and checked, so reading (Java) and storing
     * (the database) run at once. With several writers a batch is split by key hash, each part stored through its own
     * connection and transaction: the database's work runs on several cores. A key is in one part only and the next
     * batch starts once every part of the last one is done, so the lines of one invoice are applied in file order;
     * each part counts once committed and falls back to row-by-row on its own, exactly as a whole batch does. Closing
     * waits for the last batch, also when reading failed (a body over the size limit): whatever was stored stays.
     */
    static final class Background extends BatchWriter {

        private final int parts;
        private final ExecutorService threads;
        private final List<Future<?>> writing = new ArrayList<>();

        Background(int parts, Consumer<List<Pending>> store) {
            super(store);
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
                writing.add(threads.submit(() -> super.write(part)));
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
    static List<List<Pending>> split(List<Pending> rows, int parts) {
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
}
