package cn.invoicehelp.invoice.internal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The import never loses a row without saying so, never stores mojibake, and cannot be triggered by another site. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class InvoiceImportSafetyTests {

    static final String HEADER = ImportRow.HEADER + "\n";

    @Autowired
    RestTestClient rest;

    @Autowired
    Invoices invoices;

    static String row(String number, String seller, String amount, String tax, String total) {
        return "1100241130," + number + ",SPECIAL,2024-05-06," + amount + "," + tax + "," + total + ",," + seller
                + ",91110108MA01AAAA1X,北京丙公司,91110105MA02BBBB2Y,NORMAL,2024-05-06T10:00:00\n";
    }

    static String row(String number, String seller) {
        return row(number, seller, "100.00", "13.00", "113.00");
    }

    private RestTestClient.ResponseSpec send(String contentType, byte[] body, Consumer<org.springframework.http.HttpHeaders> headers) {
        return rest.post().uri("/api/admin/invoices/import").headers(h -> {
            h.setBasicAuth("admin", "admin-test-password");
            headers.accept(h);
        }).contentType(MediaType.parseMediaType(contentType)).body(body).exchange();
    }

    private RestTestClient.ResponseSpec send(String contentType, byte[] body) {
        return send(contentType, body, h -> { });
    }

    @Test
    void refusesContentThatIsNotCsvAndRequestsFromOtherSites() {
        byte[] csv = (HEADER + row("71000001", "北京甲公司")).getBytes(StandardCharsets.UTF_8);

        send("text/plain", csv).expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.error").value((String m) -> assertThat(m).contains("text/csv"));
        send("application/x-www-form-urlencoded", csv).expectStatus().isEqualTo(415);
        send("text/csv; charset=ISO-8859-1", csv).expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.error").value((String m) -> assertThat(m).contains("GBK"));
        send("text/csv", csv, h -> h.set("Origin", "https://evil.example")).expectStatus().isForbidden()
                .expectBody().jsonPath("$.error").value((String m) -> assertThat(m).contains("其他网站"));
        send("text/csv", csv, h -> h.set("Sec-Fetch-Site", "cross-site")).expectStatus().isForbidden();

        assertThat(invoices.findByCodeAndNumber("1100241130", "71000001")).isEmpty();
        send("text/csv", csv, h -> h.set("Sec-Fetch-Site", "same-origin")).expectStatus().isOk()
                .expectBody().jsonPath("$.inserted").isEqualTo(1);
    }

    @Test
    void readsGbkAndGb18030WhenDeclared() {
        Charset gbk = Charset.forName("GBK");
        send("text/csv; charset=GBK", (HEADER + row("71000011", "北京甲乙科技有限公司")).getBytes(gbk))
                .expectStatus().isOk().expectBody().jsonPath("$.inserted").isEqualTo(1);
        send("text/csv;charset=gb18030", (HEADER + row("71000012", "北京䶮丙商贸有限公司"))
                .getBytes(Charset.forName("GB18030"))).expectStatus().isOk().expectBody().jsonPath("$.inserted")
                .isEqualTo(1);

        assertThat(invoices.findByCodeAndNumber("1100241130", "71000011").orElseThrow().sellerName())
                .isEqualTo("北京甲乙科技有限公司");
        assertThat(invoices.findByCodeAndNumber("1100241130", "71000012").orElseThrow().sellerName())
                .isEqualTo("北京䶮丙商贸有限公司");
    }

    @Test
    void refusesUndeclaredGbkRowsInsteadOfStoringMojibake() {
        String ascii = "1100241130,71000022,SPECIAL,2024-05-06,100.00,13.00,113.00,,Beijing ABC Ltd,91110108MA01AAAA1X,"
                + "Beijing XYZ Ltd,91110105MA02BBBB2Y,NORMAL,2024-05-06T10:00:00\n";
        byte[] gbk = (HEADER + row("71000021", "北京甲公司") + ascii).getBytes(Charset.forName("GBK"));

        send("text/csv", gbk).expectStatus().isOk().expectBody()
                .jsonPath("$.inserted").isEqualTo(1)
                .jsonPath("$.rejected[0].line").isEqualTo(2)
                .jsonPath("$.rejected[0].reason").value((String r) -> assertThat(r).contains("charset=GBK"));

        assertThat(invoices.findByCodeAndNumber("1100241130", "71000021")).isEmpty();
        assertThat(invoices.findByCodeAndNumber("1100241130", "71000022")).isPresent();
    }

    @Test
    void readsAUtf8FileWithAByteOrderMark() {
        byte[] text = (HEADER + row("71000031", "北京甲公司")).getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);

        send("text/csv; charset=UTF-8", withBom).expectStatus().isOk().expectBody().jsonPath("$.inserted").isEqualTo(1);
        assertThat(invoices.findByCodeAndNumber("1100241130", "71000031").orElseThrow().sellerName())
                .isEqualTo("北京甲公司");
    }

    @Test
    void anUnclosedQuoteReportsEveryLineItSwallowed() {
        String csv = HEADER + row("71000041", "北京甲公司")
                + row("71000042", "\"北京乙公司")
                + row("71000043", "北京丙公司")
                + row("71000044", "北京丁公司");

        send("text/csv", csv.getBytes(StandardCharsets.UTF_8)).expectStatus().isOk().expectBody()
                .jsonPath("$.inserted").isEqualTo(1)
                .jsonPath("$.rejectedCount").isEqualTo(3)
                .jsonPath("$.rejected[0].line").isEqualTo(3)
                .jsonPath("$.rejected[0].reason").value((String r) -> assertThat(r).contains("双引号没有闭合"))
                .jsonPath("$.rejected[1].line").isEqualTo(4)
                .jsonPath("$.rejected[2].line").isEqualTo(5);
    }

    @Test
    void aRecordThatSpansLinesByAStrayQuoteNamesEachLine() {
        String csv = HEADER + row("71000051", "\"北京甲公司") + row("71000052", "北京乙\"公司") + row("71000053", "北京丙公司");

        send("text/csv", csv.getBytes(StandardCharsets.UTF_8)).expectStatus().isOk().expectBody()
                .jsonPath("$.inserted").isEqualTo(1)
                .jsonPath("$.rejected.length()").isEqualTo(2)
                .jsonPath("$.rejected[0].line").isEqualTo(2)
                .jsonPath("$.rejected[1].line").isEqualTo(3)
                .jsonPath("$.rejected[1].reason").value((String r) -> assertThat(r).contains("第 2 行"));
        assertThat(invoices.findByCodeAndNumber("1100241130", "71000053")).isPresent();
    }

    @Test
    void refusesNegativeAmountsAndTotalsThatDoNotAddUp() {
        String csv = HEADER + row("71000061", "北京甲公司", "-100.00", "-13.00", "-113.00")
                + row("71000062", "北京甲公司", "100.00", "13.00", "130.00")
                + row("71000063", "北京甲公司", "100.00", "13.01", "113.00");

        send("text/csv", csv.getBytes(StandardCharsets.UTF_8)).expectStatus().isOk().expectBody()
                .jsonPath("$.inserted").isEqualTo(1)
                .jsonPath("$.rejected[0].line").isEqualTo(2)
                .jsonPath("$.rejected[0].reason").value((String r) -> assertThat(r).contains("负数"))
                .jsonPath("$.rejected[1].line").isEqualTo(3)
                .jsonPath("$.rejected[1].reason").value((String r) -> assertThat(r).contains("total"));
        assertThat(invoices.findByCodeAndNumber("1100241130", "71000063")).as("within 0.01").isPresent();
    }

    @Test
    void theRejectedRowsReportCannotRunFormulasInASpreadsheet() {
        String csv = HEADER + "=HYPERLINK(\"http://evil.example\"),71000071,SPECIAL,2024-05-06,100.00,13.00,113.00,,"
                + "@SUM(A1),91110108MA01AAAA1X,+cmd,91110105MA02BBBB2Y,NORMAL,2024-05-06T10:00:00\n";

        String report = rest.post().uri("/api/admin/invoices/import")
                .headers(h -> {
                    h.setBasicAuth("admin", "admin-test-password");
                    h.set("Accept", "text/csv");
                })
                .contentType(MediaType.valueOf("text/csv")).body(csv).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseBody();

        assertThat(report).contains("line,reason,code,number");
        assertThat(report).contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"", ",'@SUM(A1),", ",'+cmd,");
        assertThat(report).doesNotContain(",=HYPERLINK", ",@SUM", ",+cmd");
    }
}
