package cn.invoicehelp.invoice.internal;

import cn.invoicehelp.invoice.ClientKey;
import cn.invoicehelp.invoice.InvoiceVerification;
import cn.invoicehelp.invoice.VerificationRequest;
import cn.invoicehelp.invoice.VerificationResult;
import cn.invoicehelp.support.OnPostgres;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The invoice directory's SQL (import, lookup, daily counter) on H2 and on PostgreSQL. */
class InvoiceDirectoryStorageTests {

    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @AutoConfigureRestTestClient
    abstract static class OnEachDatabase {

        @Autowired
        InvoiceImporter importer;

        @Autowired
        InvoiceVerification verification;

        @Autowired
        LookupCounter counter;

        @Autowired
        JdbcTemplate jdbc;

        @Autowired
        Clock clock;

        @Autowired
        TransactionTemplate transactions;

        private List<ImportRow> newInvoices(int count) {
            LocalDate today = LocalDate.now(clock.withZone(InvoiceClock.BEIJING));
            // A random range of numbers: the database is shared with every other test of the run.
            return DemoInvoices.generate(count, today, ThreadLocalRandom.current().nextLong(),
                    ThreadLocalRandom.current().nextInt(90_000_000)).toList();
        }

        private static String csv(List<ImportRow> rows, String... more) {
            return ImportRow.HEADER + "\n" + rows.stream().map(DemoInvoices::csv).collect(Collectors.joining("\n"))
                    + "\n" + String.join("\n", more) + (more.length == 0 ? "" : "\n");
        }

        private InvoiceImporter.ImportResult importCsv(String csv) throws Exception {
            return importer.importCsv(new StringReader(csv));
        }

        private Map<String, Object> stored(ImportRow row) {
            return jdbc.queryForMap("SELECT * FROM invoice WHERE code = ? AND number = ?", row.code(), row.number());
        }

        @Test
        void importInsertsNewRowsUpdatesChangedOnesKeepsIdenticalOnesAndReportsBadLines() throws Exception {
            List<ImportRow> rows = newInvoices(4);
            ImportRow first = rows.get(0);
            String renamed = DemoInvoices.csv(first).replace(first.sellerName(), "北京改名后科技有限公司");
            String file = csv(rows, renamed, DemoInvoices.csv(rows.get(1)), "1100241130,123,SPECIAL");

            InvoiceImporter.ImportResult result = importCsv(file);

            assertThat(result.inserted()).isEqualTo(4);
            assertThat(result.updated()).isEqualTo(1);
            assertThat(result.unchanged()).isEqualTo(1);
            assertThat(result.rejected()).extracting(InvoiceImporter.Rejection::line).containsExactly(8);
            Map<String, Object> stored = stored(first);
            assertThat(stored.get("seller_name")).isEqualTo("北京改名后科技有限公司");
            assertThat((BigDecimal) stored.get("total")).isEqualByComparingTo(first.total());
            assertThat(stored.get("check_code")).isEqualTo(first.checkCode());
            assertThat(((java.sql.Date) stored.get("issue_date")).toLocalDate()).isEqualTo(first.issueDate());
            assertThat(jdbc.queryForObject("SELECT entered_at FROM invoice WHERE code = ? AND number = ?",
                    OffsetDateTime.class, first.code(), first.number())).isAtSameInstantAs(first.enteredAt());

            InvoiceImporter.ImportResult again = importCsv(csv(rows));
            assertThat(again.inserted()).isZero();
            assertThat(again.updated()).isEqualTo(1); // the seller's old name is back
            assertThat(again.unchanged()).isEqualTo(3);
            assertThat(stored(first).get("seller_name")).isEqualTo(first.sellerName());
        }

        @Test
        void anImportedInvoiceIsFoundAndItsMatchingLookupsAreCountedPerDay() throws Exception {
            LocalDate today = LocalDate.now(clock.withZone(InvoiceClock.BEIJING));
            ImportRow row = newInvoices(50).stream() // one well inside the lookup window
                    .filter(r -> r.issueDate().isAfter(today.minusYears(4)) && r.issueDate().isBefore(today))
                    .findFirst().orElseThrow();
            importCsv(csv(List.of(row)));
            ClientKey client = new ClientKey("storage-" + UUID.randomUUID());
            InvoiceTypes.Proof asked = InvoiceTypes.proof(row.type());
            String proof = asked == InvoiceTypes.Proof.CHECK_CODE ? null
                    : (asked == InvoiceTypes.Proof.AMOUNT_EXCL_TAX ? row.amountExclTax() : row.total())
                    .toPlainString();
            VerificationRequest request = new VerificationRequest(row.code(), row.number(), row.issueDate().toString(),
                    proof, row.checkCode() == null ? null : row.checkCode().substring(14), null);

            assertThat(verification.verify(request, client).result()).isEqualTo(VerificationResult.Outcome.FOUND);

            LocalDate day = LocalDate.of(2030, 1, 1);
            assertThat(counter.increment(row.code(), row.number(), day)).isEqualTo(1);
            assertThat(counter.increment(row.code(), row.number(), day)).isEqualTo(2);
            assertThat(counter.increment(row.code(), row.number(), day.plusDays(1))).isEqualTo(1);
        }

        @Test
        void concurrentLookupsOfOneInvoiceAreEachCountedOnce() throws Exception {
            String number = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
            LocalDate day = LocalDate.of(2030, 2, 1);
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> counts = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    counts.add(threads.submit(() -> counter.increment("1100242130", number, day)));
                }
                List<Integer> seen = new ArrayList<>();
                for (Future<Integer> count : counts) {
                    seen.add(count.get());
                }
                assertThat(seen).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 40).boxed().toList());
            } finally {
                threads.shutdown();
            }
        }

        @Test
        void aLookupCountsEvenWhenTheCallersTransactionRollsBack() {
            String number = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
            LocalDate day = LocalDate.of(2030, 3, 1);
            transactions.executeWithoutResult(status -> {
                assertThat(counter.increment("1100242130", number, day)).isEqualTo(1);
                status.setRollbackOnly();
            });

            assertThat(counter.increment("1100242130", number, day)).isEqualTo(2);
        }
    }

    @Nested
    class OnH2 extends OnEachDatabase {
    }

    @Nested
    @OnPostgres
    class OnPostgresql extends OnEachDatabase {
    }
}
