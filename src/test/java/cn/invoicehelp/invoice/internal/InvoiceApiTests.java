package cn.invoicehelp.invoice.internal;

import cn.invoicehelp.invoice.InvoiceType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class InvoiceApiTests {

    private static final String HEADER = "code,number,type,issue_date,amount_excl_tax,tax,total,check_code,seller_name,"
            + "seller_tax_id,buyer_name,buyer_tax_id,status,entered_at\n";

    @Autowired
    RestTestClient rest;

    @Autowired
    Invoices invoices;

    @Test
    void verifiesWithAmountsAndCodesAsJsonNumbers() {
        rest.post().uri("/api/invoices/verify").contentType(MediaType.APPLICATION_JSON)
                .body("{\"code\": 1100242130, \"number\": \"12345678\", \"issueDate\": \"20241220\", \"amount\": 1000.00}")
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.result").isEqualTo("FOUND")
                .jsonPath("$.status").isEqualTo("正常")
                .jsonPath("$.problems").isArray()
                .jsonPath("$.nextSteps").isArray()
                .jsonPath("$.invoice.buyerTaxId").isEqualTo("9111**********GH3Y");
    }

    @Test
    void explainsInvalidInputFieldByField() {
        rest.post().uri("/api/invoices/verify").contentType(MediaType.APPLICATION_JSON)
                .body("{\"code\": \"011002400111\", \"number\": \"23456789\", \"issueDate\": \"2024-08-15\"}")
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.result").isEqualTo("INVALID")
                .jsonPath("$.problems[0].field").isEqualTo("checkCode")
                .jsonPath("$.problems[0].message").value((String m) -> assertThat(m).contains("校验码后 6 位"))
                .jsonPath("$.invoice").doesNotExist();
    }

    @Test
    void rejectsMalformedJsonWithAChineseMessage() {
        rest.post().uri("/api/invoices/verify").contentType(MediaType.APPLICATION_JSON).body("{\"number\": ")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").value((String m) -> assertThat(m).contains("JSON"));
        rest.post().uri("/api/invoices/verify").contentType(MediaType.TEXT_PLAIN).body("hello")
                .exchange().expectStatus().is4xxClientError()
                .expectBody().jsonPath("$.error").isNotEmpty();
    }

    @Test
    void answersNumbersNoDecimalCanHoldAsInvalidInput() {
        rest.post().uri("/api/invoices/verify").contentType(MediaType.APPLICATION_JSON)
                .body("{\"code\": \"1100242130\", \"number\": \"12345678\", \"issueDate\": \"20241220\", \"amount\": 1e400}")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.result").isEqualTo("INVALID").jsonPath("$.problems[0].field").isEqualTo("amount");
    }

    @Test
    void refusesAnImportThatIsNotCsvInChinese() {
        rest.post().uri("/api/admin/invoices/import").headers(h -> h.setBasicAuth("admin", "admin-test-password"))
                .contentType(MediaType.APPLICATION_JSON).body("{}").exchange()
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.error").value((String m) -> assertThat(m).contains("text/csv"));
    }

    @Test
    void appliesTwoVersionsOfAnInvoiceInOneFileInOrder() {
        String row = "1100241130,70000009,SPECIAL,2024-05-06,100.00,13.00,113.00,,%s,91110108MA01AAAA1X,北京丙公司,"
                + "91110105MA02BBBB2Y,NORMAL,2024-05-06T10:00:00\n";
        importCsv(HEADER + row.formatted("北京甲公司") + row.formatted("北京甲科技公司")).expectStatus().isOk().expectBody()
                .jsonPath("$.inserted").isEqualTo(1).jsonPath("$.updated").isEqualTo(1);
        assertThat(invoices.findByCodeAndNumber("1100241130", "70000009").orElseThrow().sellerName())
                .isEqualTo("北京甲科技公司");
    }

    @Test
    void aBasicHeaderOutsideTheAdminApiChangesNothing() {
        rest.get().uri("/api/faq/search?q=发票").headers(h -> h.setBasicAuth("someone", "wrong")).exchange()
                .expectStatus().isOk();
    }

    @Test
    void importNeedsTheAdminAccount() {
        rest.post().uri("/api/admin/invoices/import").contentType(MediaType.valueOf("text/csv")).body(HEADER)
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error").value((String m) -> assertThat(m).contains("管理员"));
        rest.post().uri("/api/admin/invoices/import").headers(h -> h.setBasicAuth("admin", "wrong"))
                .contentType(MediaType.valueOf("text/csv")).body(HEADER)
                .exchange().expectStatus().isUnauthorized();
    }

    private RestTestClient.ResponseSpec importCsv(String csv) {
        return rest.post().uri("/api/admin/invoices/import").headers(h -> h.setBasicAuth("admin", "admin-test-password"))
                .contentType(MediaType.valueOf("text/csv")).body(csv).exchange();
    }

    @Test
    void importsGoodRowsReportsBadOnesAndIsIdempotent() {
        String csv = HEADER
                + "1100241130,70000001,SPECIAL,2024-05-06,100.00,13.00,113.00,,\"北京甲,乙科技有限公司\",91110108MA01AAAA1X,北京丙公司,91110105MA02BBBB2Y,NORMAL,2024-05-06T10:00:00\n"
                + "1100241130,70000002,BOGUS,2024-05-06,100.00,13.00,113.00,,北京甲公司,91110108MA01AAAA1X,北京丙公司,91110105MA02BBBB2Y,NORMAL,2024-05-06T10:00:00\n"
                + "1100241130,70000003,SPECIAL,2024-02-30,100.00,13.00,113.00,,北京甲公司,91110108MA01AAAA1X,北京丙公司,91110105MA02BBBB2Y,NORMAL,2024-05-06T10:00:00\n"
                + "1100241130,70000004,SPECIAL,2024-05-06,1百,13.00,113.00,,北京甲公司,91110108MA01AAAA1X,北京丙公司,91110105MA02BBBB2Y,NORMAL,2024-05-06T10:00:00\n"
                + "1100241130,70000005,SPECIAL,2024-05-06,100.00,13.00\n"
                + ",24110000000070000006,DIGITAL_NORMAL,2024-05-07,200.00,26.00,226.00,,北京甲公司,91110108MA01AAAA1X,北京丙公司,91110105MA02BBBB2Y,VOIDED,2024-05-07T09:00:00+08:00\n";

        importCsv(csv).expectStatus().isOk().expectBody()
                .jsonPath("$.inserted").isEqualTo(2)
                .jsonPath("$.updated").isEqualTo(0)
                .jsonPath("$.rejected.length()").isEqualTo(4)
                .jsonPath("$.rejected[0].line").isEqualTo(3)
                .jsonPath("$.rejected[0].reason").value((String r) -> assertThat(r).contains("type"))
                .jsonPath("$.rejected[1].line").isEqualTo(4)
                .jsonPath("$.rejected[2].line").isEqualTo(5)
                .jsonPath("$.rejected[3].reason").value((String r) -> assertThat(r).contains("列数"));
        assertThat(invoices.findByCodeAndNumber("1100241130", "70000001").orElseThrow().sellerName())
                .isEqualTo("北京甲,乙科技有限公司");

        importCsv(csv).expectStatus().isOk().expectBody()
                .jsonPath("$.inserted").isEqualTo(0).jsonPath("$.updated").isEqualTo(0);

        importCsv(HEADER + ",24110000000070000006,DIGITAL_NORMAL,2024-05-07,200.00,26.00,226.00,,北京甲公司,"
                + "91110108MA01AAAA1X,北京丙公司,91110105MA02BBBB2Y,RED_REVERSED,2024-05-08T09:00:00\n")
                .expectStatus().isOk().expectBody().jsonPath("$.inserted").isEqualTo(0).jsonPath("$.updated").isEqualTo(1);
        assertThat(invoices.findByCodeAndNumber("", "24110000000070000006").orElseThrow().status())
                .isEqualTo(InvoiceStatus.RED_REVERSED);
    }

    @Test
    void refusesAFileWithoutTheExpectedHeader() {
        importCsv("number,code\n1,2\n").expectStatus().isOk().expectBody()
                .jsonPath("$.inserted").isEqualTo(0)
                .jsonPath("$.rejected[0].line").isEqualTo(1);
    }

    @Test
    void demoDirectoryCoversEveryTypeAndState() {
        List<Invoice> all = invoices.findAll();
        assertThat(all).extracting(Invoice::type).contains(InvoiceType.values());
        assertThat(all).extracting(Invoice::status).contains(InvoiceStatus.values());
        assertThat(all).filteredOn(i -> !InvoiceTypes.digital(i.type()))
                .allSatisfy(i -> assertThat(InvoiceCodes.regionOfCode(i.code())).startsWith("11"))
                .allSatisfy(i -> assertThat(InvoiceCodes.typeOf(i.code())).contains(i.type()));
    }
}
