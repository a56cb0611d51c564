package cn.invoicehelp.invoice.internal;

import cn.invoicehelp.HelpdeskApplication;
import cn.invoicehelp.invoice.ClientKey;
import cn.invoicehelp.invoice.InvoiceVerification;
import cn.invoicehelp.invoice.VerificationRequest;
import cn.invoicehelp.invoice.VerificationResult;
import cn.invoicehelp.support.PostgresDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The invoice directory at production size on PostgreSQL: writes N generated invoices (default 10,000,000, about
 * 2 GB) to a CSV under target/, imports it through the application's importer (COPY) into a fresh database of its
 * own, then times lookups in process after a warm-up. The database is dropped at the end. Not part of mvn verify:
 * {@code source ~/.invoice-helpdesk/test-services.env && mvn -B -q test -Dtest=InvoicePostgresBenchmark}
 * ({@code -Dinvoice.bench.rows=N}; figures in docs/benchmarks.md).
 */
class InvoicePostgresBenchmark {

    private static final int ROWS = Integer.getInteger("invoice.bench.rows", 10_000_000);
    private static final int WARMUP = Integer.getInteger("invoice.bench.warmup", 10_000);
    private static final int LOOKUPS = Integer.getInteger("invoice.bench.lookups", 20_000);
    private static final int SAMPLE = 5_000;
    private static final int FLOOR_ROWS = Math.min(ROWS, Integer.getInteger("invoice.bench.floor-rows", 1_000_000));
    /** Writer connections of the import; unset = the application's default ({@code helpdesk.invoice.import-writers}). */
    private static final String WRITERS = System.getProperty("invoice.bench.writers");

    @Test
    void importsTenMillionInvoicesIntoPostgresqlAndMeasuresLookups() throws Exception {
        PostgresDatabase.Server server = PostgresDatabase.server().orElse(null);
        Assumptions.assumeTrue(server != null, "needs HELPDESK_TEST_PG_URL/_USER/_PASSWORD");
        Path dir = Files.createDirectories(Path.of("target/invoice-benchmark"));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        // The same seed and day give the same file: a second run of the day reuses it (2 GB less to write).
        Path csv = dir.resolve("invoices-" + ROWS + "-" + today + ".csv");
        boolean reuse = Files.exists(csv);
        List<ImportRow> sample = new ArrayList<>();
        long generating = System.nanoTime();
        int every = Math.max(1, ROWS / SAMPLE);
        try (BufferedWriter out = reuse ? null : Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            if (out != null) {
                out.write(ImportRow.HEADER);
                out.newLine();
            }
            int[] index = {0};
            DemoInvoices.generate(ROWS, today, 7L).forEach(row -> {
                // Lookups that reach the directory: invoices inside the 5-year window (older ones are answered
                // OUT_OF_WINDOW before any query).
                if (index[0]++ % every == 0 && sample.size() < SAMPLE
                        && row.issueDate().isAfter(today.minusYears(5).plusDays(1))) {
                    sample.add(row);
                }
                if (out == null) {
                    return;
                }
                try {
                    out.write(DemoInvoices.csv(row));
                    out.newLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        System.out.printf("%s %,d rows (%,d MB) in %.0f s; load %s%n", reuse ? "reused" : "generated", ROWS,
                Files.size(csv) >> 20, (System.nanoTime() - generating) / 1e9, load());
        if (Boolean.getBoolean("invoice.bench.generate-only")) {
            return; // writes the file ahead of a run (outside the machine's benchmark lock)
        }

        PostgresDatabase.Database database = PostgresDatabase.create(server);
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--helpdesk.invoice.demo-count=0",
                "--helpdesk.knowledge.watch=false", "--helpdesk.invoice.client-per-minute=1000000000",
                "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + server.user(),
                "--spring.datasource.password=" + server.password()));
        if (WRITERS != null) {
            args.add("--helpdesk.invoice.import-writers=" + WRITERS);
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HelpdeskApplication.class)
                .run(args.toArray(String[]::new))) {
            InvoiceImporter importer = app.getBean(InvoiceImporter.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            // The floor of the same run: reading and checking (the first rows of) the file alone, storing nothing.
            long floorCpu = processCpu();
            long floorStart = System.nanoTime();
            int checked = readAndCheck(csv, FLOOR_ROWS);
            double floorSeconds = (System.nanoTime() - floorStart) / 1e9;
            System.out.printf("read + check only: %,d rows in %.1f s (%,.0f rows/s), JVM CPU %.1f s; load %s%n", checked,
                    floorSeconds, checked / floorSeconds, (processCpu() - floorCpu) / 1e9, load());

            System.out.printf("import path: %s, %d writer(s); load before import %s%n",
                    importer.usesCopy() ? "COPY" : "JDBC batches", app.getBean(InvoiceProperties.class).importWriters(),
                    load());
            String walBefore = jdbc.queryForObject("SELECT pg_current_wal_lsn()::text", String.class);
            Map<Integer, Long> backendsBefore = backendCpuTicks(jdbc);
            long jvmCpu = processCpu();
            long start = System.nanoTime();
            InvoiceImporter.ImportResult result;
            try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                result = importer.importCsv(reader);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double jvmSeconds = (processCpu() - jvmCpu) / 1e9;
            Map<Integer, Long> backendsAfter = backendCpuTicks(jdbc);
            long walBytes = jdbc.queryForObject("SELECT pg_current_wal_lsn() - ?::pg_lsn", Long.class, walBefore);
            double pgSeconds = backendsAfter.entrySet().stream()
                    .mapToLong(e -> e.getValue() - backendsBefore.getOrDefault(e.getKey(), 0L)).sum() / 100.0;
            System.out.printf("import: %,d rows in %.1f s (%,.0f rows/s), inserted %,d, unchanged %,d, rejected %d; "
                            + "CPU: JVM %.1f s + PostgreSQL backends %.1f s = %,.0f rows per CPU-second; "
                            + "WAL %,d MB (%,d bytes a row); table + indexes %,d MB; load after import %s%n", ROWS,
                    seconds, ROWS / seconds, result.inserted(), result.unchanged(), result.rejectedCount(), jvmSeconds,
                    pgSeconds, ROWS / (jvmSeconds + pgSeconds), walBytes >> 20, walBytes / ROWS,
                    jdbc.queryForObject("SELECT pg_total_relation_size('invoice')", Long.class) >> 20, load());
            System.out.println("sizes (MB): " + jdbc.queryForList("SELECT c.relname || ' ' || (pg_relation_size(c.oid) >> 20) "
                    + "FROM pg_class c WHERE c.relname IN ('invoice', 'invoice_pkey', 'invoice_number_code') "
                    + "ORDER BY c.relname", String.class));
            jdbc.execute("ANALYZE invoice");

            int vacuumsAtStart = autovacuums(jdbc);
            long[] gcBefore = null;
            InvoiceVerification verification = app.getBean(InvoiceVerification.class);
            Random random = new Random(1);
            long[] nanos = new long[LOOKUPS];
            Map<VerificationResult.Outcome, Integer> outcomes = new EnumMap<>(VerificationResult.Outcome.class);
            for (int i = -WARMUP; i < LOOKUPS; i++) {
                ImportRow row = sample.get(random.nextInt(sample.size()));
                VerificationRequest request = new VerificationRequest(row.code(), row.number(),
                        row.issueDate().toString(), InvoiceTypes.proof(row.type()) == InvoiceTypes.Proof.AMOUNT_EXCL_TAX
                        ? row.amountExclTax().toPlainString() : row.total().toPlainString(),
                        row.checkCode() == null ? null : row.checkCode().substring(14), null);
                if (i == 0) {
                    gcBefore = gc();
                }
                long t = System.nanoTime();
                VerificationResult answer = verification.verify(request, new ClientKey("benchmark"));
                long took = System.nanoTime() - t;
                if (i >= 0) {
                    nanos[i] = took;
                    outcomes.merge(answer.result(), 1, Integer::sum);
                }
            }
            long[] gcAfter = gc();
            // The tail per quarter of the timed lookups: a burst of other work on the machine shows as one bad quarter.
            StringBuilder quarters = new StringBuilder();
            for (int q = 0; q < 4; q++) {
                long[] part = Arrays.copyOfRange(nanos, q * LOOKUPS / 4, (q + 1) * LOOKUPS / 4);
                Arrays.sort(part);
                quarters.append(String.format(" %.3f", part[part.length * 99 / 100] / 1e6));
            }
            System.out.println("p99 of each quarter of the timed lookups (ms):" + quarters + "; over 1 ms: "
                    + Arrays.stream(nanos).filter(n -> n > 1_000_000).count());
            System.out.printf("GC during the timed lookups: %d collections, %d ms%n", gcAfter[0] - gcBefore[0],
                    gcAfter[1] - gcBefore[1]);
            Arrays.sort(nanos);
            System.out.printf("autovacuum workers on this database at the start / end of the lookups: %d / %d%n",
                    vacuumsAtStart, autovacuums(jdbc));
            System.out.printf("verify (%,d lookups after %,d warm-up, over %,d invoices): p50 %.3f ms, p99 %.3f ms, "
                            + "max %.3f ms; outcomes %s; load %s%n", LOOKUPS, WARMUP, result.inserted(),
                    nanos[LOOKUPS / 2] / 1e6, nanos[LOOKUPS * 99 / 100] / 1e6, nanos[LOOKUPS - 1] / 1e6, outcomes,
                    load());
        } finally {
            database.drop();
        }
    }

    private static int readAndCheck(Path csv, int limit) throws IOException {
        int rows = 0;
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            CsvRecords records = new CsvRecords(reader);
            records.next();
            for (CsvRecords.Row row = records.next(); row != null && rows < limit; row = records.next()) {
                try {
                    ImportRow.parse(row.fields());
                    rows++;
                } catch (ImportRow.Rejected e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return rows;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU ticks (1/100 s: user + system) of each PostgreSQL backend serving this database, from /proc. */
    private static Map<Integer, Long> backendCpuTicks(JdbcTemplate jdbc) {
        Map<Integer, Long> ticks = new HashMap<>();
        for (Integer pid : jdbc.queryForList("SELECT pid FROM pg_stat_activity WHERE datname = current_database()",
                Integer.class)) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.put(pid, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
            } catch (IOException | RuntimeException gone) {
                // ended meanwhile
            }
        }
        return ticks;
    }

    /** Collections and their total time (ms) so far, all collectors. */
    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    private static int autovacuums(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND backend_type = 'autovacuum worker'", Integer.class);
    }

    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }
}
