package cn.invoicehelp.console;

import cn.invoicehelp.chat.ChatClient;
import cn.invoicehelp.chat.ChatSocketTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Several agents claim the same hand-off at the same moment: exactly one wins, the others learn who did. */
@ChatSocketTest
class ClaimRaceTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void exactlyOneOfManySimultaneousClaimsWins() throws Exception {
        List<StaffClient> agents = IntStream.range(0, 6).mapToObj(i -> StaffClient.newAgent(port, "抢单" + i)).toList();
        ChatClient chat = new ChatClient(port);
        ChatClient.Session session = chat.open();
        try (var visitor = chat.connect(session.token())) {
            visitor.sendAction("handoff");
            visitor.await(e -> "queue".equals(e.path("card").path("kind").asString("")));
        }
        String path = "/api/console/handoffs/" + session.conversationId() + "/claim";

        ExecutorService pool = Executors.newFixedThreadPool(agents.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> claims = new ArrayList<>();
        for (StaffClient agent : agents) {
            claims.add(pool.submit(() -> {
                start.await();
                return agent.post(path, null);
            }));
        }
        start.countDown();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> claim : claims) {
            responses.add(claim.get());
        }
        pool.shutdown();

        assertThat(responses).extracting(HttpResponse::statusCode).filteredOn(s -> s == 200).hasSize(1);
        assertThat(responses).extracting(HttpResponse::statusCode).filteredOn(s -> s == 409)
                .hasSize(agents.size() - 1);
        String winner = responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow().body();
        String winnerName = ChatClient.JSON.readTree(winner).path("claimedByName").asString();
        assertThat(responses).filteredOn(r -> r.statusCode() == 409)
                .allSatisfy(r -> assertThat(r.body()).contains(winnerName));
        assertThat(jdbc.queryForObject("select count(*) from handoff_request where conversation_id = ? and status = 'CLAIMED'",
                Integer.class, java.util.UUID.fromString(session.conversationId()))).isEqualTo(1);
    }
}
