package cn.invoicehelp.console;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Guessing the admin password is stopped, and oversized bodies are refused before anyone reads them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class AdminSignInLimitsTests {

    static final String CSV = "code,number,type,issue_date,amount_excl_tax,tax,total,check_code,seller_name,"
            + "seller_tax_id,buyer_name,buyer_tax_id,status,entered_at\n";

    @Autowired
    RestTestClient rest;

    @LocalServerPort
    int port;

    @Test
    void repeatedWrongPasswordsLockTheAccountWithRetryAfter() {
        for (int i = 0; i < 5; i++) {
            rest.post().uri("/api/admin/invoices/import").headers(h -> h.setBasicAuth("mallory", "guess"))
                    .contentType(MediaType.valueOf("text/csv")).body(CSV).exchange().expectStatus().isUnauthorized();
        }

        rest.post().uri("/api/admin/invoices/import").headers(h -> h.setBasicAuth("mallory", "guess"))
                .contentType(MediaType.valueOf("text/csv")).body(CSV).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.error").value((String m) -> assertThat(m).contains("登录失败次数过多"));
        rest.post().uri("/api/admin/invoices/import").headers(h -> h.setBasicAuth("admin", "admin-test-password"))
                .contentType(MediaType.valueOf("text/csv")).body(CSV).exchange()
                .expectStatus().isOk(); // another account from the same address may still sign in
    }

    @Test
    void refusesADeclaredOversizedBodyBeforeReadingIt() {
        byte[] big = new byte[1024 * 1024 + 1];
        rest.post().uri("/api/invoices/verify").contentType(MediaType.APPLICATION_JSON).body(big).exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.error").value((String m) -> assertThat(m).contains("太大", "1 MB"));
    }

    @Test
    void stopsAChunkedBodyAtTheLimit() throws Exception {
        // No Content-Length: the body is counted as it is read (just over the limit, so the client finishes sending).
        byte[] big = ("{\"number\": \"12345678\"" + " ".repeat(1024 * 1024 + 64 * 1024) + "}")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/invoices/verify"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("太大");
    }
}
