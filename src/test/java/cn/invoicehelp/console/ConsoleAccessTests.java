package cn.invoicehelp.console;

import cn.invoicehelp.chat.ChatClient;
import cn.invoicehelp.chat.ChatSocketTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every console API refuses anonymous callers and visitor tokens, and admin-only ones refuse plain agents. */
@ChatSocketTest
class ConsoleAccessTests {

    @LocalServerPort
    int port;

    record Endpoint(String method, String path, boolean adminOnly) {
    }

    private List<Endpoint> endpoints() {
        String c = UUID.randomUUID().toString();
        return List.of(
                new Endpoint("GET", "/api/console/me", false),
                new Endpoint("GET", "/api/console/handoffs", false),
                new Endpoint("POST", "/api/console/handoffs/" + c + "/claim", false),
                new Endpoint("GET", "/api/console/conversations/" + c, false),
                new Endpoint("POST", "/api/console/conversations/" + c + "/messages", false),
                new Endpoint("POST", "/api/console/conversations/" + c + "/transfer", false),
                new Endpoint("POST", "/api/console/conversations/" + c + "/release", false),
                new Endpoint("POST", "/api/console/conversations/" + c + "/close", false),
                new Endpoint("GET", "/api/console/presence", false),
                new Endpoint("POST", "/api/console/presence", false),
                new Endpoint("GET", "/api/console/agents", false),
                new Endpoint("GET", "/api/console/canned-replies", false),
                new Endpoint("POST", "/api/console/agents", true),
                new Endpoint("POST", "/api/console/agents/nobody/disable", true),
                new Endpoint("POST", "/api/console/agents/nobody/enable", true),
                new Endpoint("POST", "/api/console/agents/nobody/password", true),
                new Endpoint("POST", "/api/console/canned-replies", true),
                new Endpoint("DELETE", "/api/console/canned-replies/1", true));
    }

    private HttpResponse<String> call(StaffClient client, Endpoint e, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + e.path()))
                .header("Content-Type", "application/json")
                .method(e.method(), e.method().equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        if (client.csrfToken != null) {
            builder.header(client.csrfHeader, client.csrfToken);
        }
        return client.send(builder.build());
    }

    @Test
    void anonymousCallersAndVisitorTokensGet401OnEveryConsoleApi() {
        ChatClient.Session visitor = new ChatClient(port).open();
        StaffClient anonymous = new StaffClient(port);
        for (Endpoint e : endpoints()) {
            assertThat(call(anonymous, e, null).statusCode()).as("anonymous %s %s", e.method(), e.path()).isEqualTo(401);
            HttpResponse<String> withToken = call(anonymous, e, visitor.token());
            assertThat(withToken.statusCode()).as("visitor token %s %s", e.method(), e.path()).isEqualTo(401);
            assertThat(withToken.body()).contains("请先登录");
        }
    }

    @Test
    void agentsReachAgentApisButNotAdminOnesAndAdminsReachAll() {
        StaffClient agent = StaffClient.newAgent(port, "小王");
        StaffClient admin = StaffClient.admin(port);
        for (Endpoint e : endpoints()) {
            int asAgent = call(agent, e, null).statusCode();
            int asAdmin = call(admin, e, null).statusCode();
            assertThat(asAdmin).as("admin %s %s", e.method(), e.path()).isNotIn(401, 403);
            if (e.adminOnly()) {
                assertThat(asAgent).as("agent %s %s", e.method(), e.path()).isEqualTo(403);
            } else {
                assertThat(asAgent).as("agent %s %s", e.method(), e.path()).isNotIn(401, 403);
            }
        }
    }

    @Test
    void changesWithoutTheCsrfHeaderAreRefusedEvenWhenSignedIn() {
        StaffClient agent = StaffClient.newAgent(port, "小李");
        HttpResponse<String> response = agent.postWithoutCsrf("/api/console/presence", Map.of("status", "away"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("CSRF");
    }

    @Test
    void meNamesTheAccountItsRolesAndTheCsrfHeader() {
        StaffClient admin = StaffClient.admin(port);
        var me = admin.json(admin.get("/api/console/me"));
        assertThat(me.path("username").asString()).isEqualTo("admin");
        assertThat(me.path("roles").toString()).contains("AGENT", "ADMIN");
        assertThat(me.path("csrf").path("headerName").asString()).isEqualTo("X-CSRF-TOKEN");
        assertThat(me.path("csrf").path("token").asString()).isNotBlank();

        StaffClient agent = StaffClient.newAgent(port, "小张");
        var agentMe = agent.json(agent.get("/api/console/me"));
        assertThat(agentMe.path("roles").toString()).contains("AGENT").doesNotContain("ADMIN");
        assertThat(agentMe.path("displayName").asString()).isEqualTo("小张");
    }

    @Test
    void adminsCreateDisableAndResetAgents() {
        StaffClient admin = StaffClient.admin(port);
        String username = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin.post("/api/console/agents",
                Map.of("username", username, "displayName", "客服小赵", "password", "first-password"));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(admin.json(created).path("roles").toString()).contains("AGENT");
        assertThat(admin.post("/api/console/agents", Map.of("username", username, "displayName", "重复",
                "password", "first-password")).statusCode()).isEqualTo(409);
        assertThat(admin.post("/api/console/agents", Map.of("username", "x", "displayName", "短",
                "password", "short")).body()).contains("errors", "username");

        assertThat(new StaffClient(port).login(username, "first-password").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/console"));
        admin.post("/api/console/agents/" + username + "/password", Map.of("password", "second-password"));
        assertThat(new StaffClient(port).login(username, "second-password").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/console"));
        StaffClient signedIn = new StaffClient(port);
        signedIn.signIn(username, "second-password");
        admin.post("/api/console/agents/" + username + "/disable", null);
        assertThat(new StaffClient(port).login(username, "second-password").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/login?error"));
        assertThat(signedIn.get("/api/console/handoffs").statusCode()).as("open session ended").isEqualTo(401);
    }

    @Test
    void consolePagesSendAnonymousVisitorsToTheLoginPage() {
        StaffClient anonymous = new StaffClient(port);
        HttpResponse<String> console = anonymous.get("/console");
        assertThat(console.statusCode()).isEqualTo(302);
        assertThat(console.headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(anonymous.get("/login").body()).contains("客服工作台登录", "name=\"username\"", "name=\"_csrf\"");
    }

    @Test
    void theAgentSocketNeedsASignedInAgentAndTheSameOrigin() {
        StaffClient anonymous = new StaffClient(port);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> anonymous.socket(null))).isNotNull();
        StaffClient agent = StaffClient.newAgent(port, "小钱");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> agent.socket("http://evil.example")))
                .isNotNull();
        try (var socket = agent.socket("http://localhost:" + port)) {
            socket.subscribe("/topic/console/handoffs");
            socket.session.subscribe("/user/queue/events", socket);
            assertThat(socket.error).succeedsWithin(ChatClient.WAIT)
                    .satisfies(h -> assertThat(h.getFirst("message")).isEqualTo("forbidden destination"));
        }
    }

    @Test
    void aVisitorSocketCannotSubscribeToConsoleDestinations() {
        ChatClient client = new ChatClient(port);
        ChatClient.Session session = client.open();
        try (var visitor = client.connect(session.token())) {
            visitor.session.subscribe("/topic/console/handoffs", visitor);
            assertThat(visitor.error).succeedsWithin(ChatClient.WAIT)
                    .satisfies(h -> assertThat(h.getFirst("message")).isEqualTo("forbidden destination"));
        }
    }
}
