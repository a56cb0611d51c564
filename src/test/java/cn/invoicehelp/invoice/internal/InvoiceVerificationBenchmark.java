package cn.invoicehelp.invoice.internal;

import cn.invoicehelp.HelpdeskApplication;
import cn.invoicehelp.invoice.ClientKey;
import cn.invoicehelp.invoice.InvoiceType;
import cn.invoicehelp.invoice.InvoiceVerification;
import cn.invoicehelp.invoice.VerificationRequest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Imports 1,000,000 generated invoices into a file database, then times lookups in process.
 * Run: {@code mvn -B -q test -Dtest=InvoiceVerificationBenchmark} (figures in docs/benchmarks.md).
 */
class InvoiceVerificationBenchmark {

    private static final int ROWS = Integer.getInteger("invoice.bench.rows", 1_000_000);
    private static final int LOOKUPS = 20_000;

    @Test
    void importsAMillionInvoicesAndMeasuresLookups() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/invoice-benchmark"));
        Path csv = dir.resolve("invoices.csv");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<ImportRow> sample = new ArrayList<>();
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write(ImportRow.HEADER);
            out.newLine();
            DemoInvoices.generate(ROWS, today, 7L).forEach(row -> {
                if (sample.size() < 5_000 && row.number().hashCode() % 50 == 0) {
                    sample.add(row);
                }
                try {
                    out.write(DemoInvoices.csv(row));
                    out.newLine();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        Files.deleteIfExists(dir.resolve("bench.mv.db"));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HelpdeskApplication.class).run(
                "--server.port=0", "--helpdesk.invoice.demo-count=0", "--helpdesk.knowledge.watch=false",
                "--helpdesk.invoice.client-per-minute=1000000000",
                "--spring.datasource.url=jdbc:h2:file:" + dir.toAbsolutePath().resolve("bench")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")) {
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            long heapBefore = runtime.totalMemory() - runtime.freeMemory();
            long start = System.nanoTime();
            InvoiceImporter.ImportResult result;
            try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                result = app.getBean(InvoiceImporter.class).importCsv(reader);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long heapAfter = runtime.totalMemory() - runtime.freeMemory();
            System.out.printf("import: %d rows in %.1f s (%.0f rows/s), inserted %d, rejected %d; heap used before %d MB,"
                            + " after %d MB, max %d MB, file %d MB%n", ROWS, seconds, ROWS / seconds, result.inserted(),
                    result.rejectedCount(), heapBefore >> 20, heapAfter >> 20, runtime.maxMemory() >> 20,
                    Files.size(csv) >> 20);

            InvoiceVerification verification = app.getBean(InvoiceVerification.class);
            Random random = new Random(1);
            long[] nanos = new long[LOOKUPS];
            for (int i = -2_000; i < LOOKUPS; i++) {
                ImportRow row = sample.get(random.nextInt(sample.size()));
                VerificationRequest request = new VerificationRequest(row.code(), row.number(),
                        row.issueDate().toString(), InvoiceTypes.proof(row.type()) == InvoiceTypes.Proof.AMOUNT_EXCL_TAX
                        ? row.amountExclTax().toPlainString() : row.total().toPlainString(),
                        row.checkCode() == null ? null : row.checkCode().substring(14), null);
                long t = System.nanoTime();
                verification.verify(request, new ClientKey("benchmark"));
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - t;
                }
            }
            Arrays.sort(nanos);
            System.out.printf("verify (%d lookups over %d invoices): p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", LOOKUPS,
                    result.inserted(), nanos[LOOKUPS / 2] / 1e6, nanos[LOOKUPS * 99 / 100] / 1e6, nanos[LOOKUPS - 1] / 1e6);
        }
    }
}
