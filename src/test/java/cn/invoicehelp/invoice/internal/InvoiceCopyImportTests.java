package cn.invoicehelp.invoice.internal;

import cn.invoicehelp.support.PostgresDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL import (COPY into a staging table, then INSERT … ON CONFLICT) stores exactly what the H2 import
 * (JDBC batches) stores and reports the same lines with the same reasons: the same files go into a fresh database of
 * each kind, migrated by the application's own migrations.
 */
@ExtendWith(PostgresDatabase.Requirement.class)
class InvoiceCopyImportTests {

    private static PostgresDatabase.Database postgres;
    private static InvoiceImporter onPostgres;
    private static InvoiceImporter onH2;
    private static JdbcTemplate postgresRows;
    private static JdbcTemplate h2Rows;

    @BeforeAll
    static void freshDatabases() {
        postgres = PostgresDatabase.create(PostgresDatabase.server().orElseThrow());
        DataSource pg = new DriverManagerDataSource(postgres.url(), postgres.server().user(),
                postgres.server().password());
        DataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:copy-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        for (DataSource dataSource : List.of(pg, h2)) {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        }
        // Small COPY batches, so a file spans several of them, each split between two writers (the default).
        onPostgres = new InvoiceImporter(new JdbcTemplate(pg), new TransactionTemplate(
                new DataSourceTransactionManager(pg)), 7, 2);
        onH2 = new InvoiceImporter(new JdbcTemplate(h2), new TransactionTemplate(new DataSourceTransactionManager(h2)),
                InvoiceImporter.COPY_BATCH, 2);
        postgresRows = new JdbcTemplate(pg);
        h2Rows = new JdbcTemplate(h2);
    }

    @AfterAll
    static void dropDatabase() {
        if (postgres != null) {
            postgres.drop();
        }
    }

    private static final String GOOD = "1100241130,%s,SPECIAL,2024-05-06,100.00,13.00,113.00,,%s,91110108MA01AAAA1X,"
            + "北京丙公司,91110105MA02BBBB2Y,NORMAL,2024-05-06T10:00:00";

    private static String good(String number, String seller) {
        return GOOD.formatted(number, seller);
    }

    private static String file(List<String> lines) {
        return ImportRow.HEADER + "\n" + String.join("\n", lines) + "\n";
    }

    /** Every row of the directory, values as text, in key order. */
    private static List<String> table(JdbcTemplate rows) {
        return rows.query("SELECT " + InvoiceCopy.COLUMNS + " FROM invoice ORDER BY code, number", (rs, i) -> {
            List<String> values = new ArrayList<>();
            for (int c = 1; c <= 14; c++) {
                Object value = c == 14 ? rs.getObject(c, java.time.OffsetDateTime.class).toInstant() : rs.getObject(c);
                values.add(value instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(value));
            }
            return String.join("|", values);
        });
    }

    private static void importsAlike(String csv) throws Exception {
        InvoiceImporter.ImportResult h2 = onH2.importCsv(new StringReader(csv));
        InvoiceImporter.ImportResult pg = onPostgres.importCsv(new StringReader(csv));
        assertThat(pg).isEqualTo(h2);
        assertThat(table(postgresRows)).isEqualTo(table(h2Rows));
    }

    @Test
    void theCopyImportStoresAndReportsExactlyWhatTheH2ImportDoes() throws Exception {
        assertThat(onPostgres.usesCopy()).isTrue();
        assertThat(onH2.usesCopy()).isFalse();
        LocalDate today = LocalDate.of(2025, 3, 10);
        List<String> lines = new ArrayList<>(DemoInvoices.generate(30, today, 11L).map(DemoInvoices::csv).toList());
        lines.addAll(DemoInvoices.samples(today).stream().map(DemoInvoices::csv).toList()); // 数电: empty code
        lines.add(good("72000001", "\"北京\"\"引号\"\",逗号科技有限公司\""));
        lines.add(good("72000002", "北京甲公司"));
        lines.add(good("72000002", "北京甲公司")); // identical again: unchanged
        lines.add(good("72000002", "北京甲公司改名")); // changed later in the file: applied in order
        lines.add(good("7200003", "北京乙公司")); // bad number
        lines.add("1100241130,72000004,SPECIAL,2024-05-06,100.00,13.00,120.00,,北京丁公司,91110108MA01AAAA1X,北京丙公司,"
                + "91110105MA02BBBB2Y,NORMAL,2024-05-06T10:00:00"); // total does not add up
        lines.add("1100241130,72000005,SPECIAL"); // too few columns
        lines.add(good("72000006", "\"北京戊\n公司\"")); // a record over two lines
        lines.add(good("72000007", "北京己公司\uFFFD")); // undecodable bytes
        lines.add(good("72000008", "=HYPERLINK(\"\")"));
        importsAlike(file(lines));

        List<String> again = new ArrayList<>(lines.subList(0, 10)); // unchanged
        again.add(lines.get(10).replace("有限公司", "股份有限公司")); // updated
        again.add(good("72000002", "北京甲公司")); // back to the first name
        again.add(good("72000009", "北京庚公司") + ",\"unclosed"); // a quote never closed swallows the rest
        again.add(good("72000010", "北京辛公司"));
        importsAlike(file(again));

        assertThat(postgresRows.queryForObject("SELECT count(*) FROM invoice", Long.class)).isGreaterThan(30);
    }

    @Test
    void aFileOfOnlyBadLinesOrOnlyAHeaderImportsNothingAlike() throws Exception {
        importsAlike(file(List.of("nonsense", good("1", "北京壬公司"))));
        importsAlike(ImportRow.HEADER + "\n");
        importsAlike("code,number\n" + good("72000011", "北京癸公司"));
        assertThat(table(postgresRows).stream().collect(Collectors.joining())).doesNotContain("北京癸公司");
    }

    @Test
    void aRowTheDatabaseRefusesIsReportedWithItsLineAndCostsNoOtherRowOfItsBatch() throws Exception {
        List<ImportRow> rows = DemoInvoices.generate(20, LocalDate.of(2025, 3, 10), 23L).toList();
        List<String> lines = new ArrayList<>(rows.stream().map(DemoInvoices::csv).toList());
        lines.add(5, good("72000031", "北京\u0000零字节公司")); // PostgreSQL text cannot hold a NUL character: line 7

        InvoiceImporter.ImportResult result = onPostgres.importCsv(new StringReader(file(lines)));

        assertThat(result.rejected()).singleElement().satisfies(rejection -> {
            assertThat(rejection.line()).isEqualTo(7);
            assertThat(rejection.reason()).startsWith("数据库拒绝了这一行");
        });
        assertThat(result.inserted()).isEqualTo(20);
        for (ImportRow row : rows) {
            assertThat(postgresRows.queryForObject("SELECT seller_name FROM invoice WHERE code = ? AND number = ?",
                    String.class, row.code(), row.number())).isEqualTo(row.sellerName());
        }
    }
}
