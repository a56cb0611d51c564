package cn.invoicehelp.chat;

import cn.invoicehelp.HelpdeskApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;

import static cn.invoicehelp.chat.ChatClient.from;
import static org.assertj.core.api.Assertions.assertThat;

/** The conversation survives a restart: same token, full replay, seq continues. Real app on an H2 file. */
class ChatRestartTests {

    @TempDir
    Path dir;

    @Test
    void conversationContinuesAfterTheServerRestarts() {
        ChatClient.Session session;
        long lastSeq;
        try (var app = start()) {
            var client = new ChatClient(port(app));
            session = client.open();
            try (var connection = client.connect(session.token())) {
                connection.sendText("重启前的问题");
                lastSeq = connection.await(from("bot")).get("seq").asLong();
            }
        }

        try (var app = start()) {
            var client = new ChatClient(port(app));
            List<JsonNode> replayed = client.replay(session, 0);
            assertThat(replayed).extracting(e -> e.get("seq").asLong()).last().isEqualTo(lastSeq);
            assertThat(replayed).extracting(e -> e.path("text").asString("")).contains("重启前的问题", "收到：重启前的问题");

            try (var connection = client.connect(session.token())) {
                connection.sendText("重启后的问题");
                JsonNode echo = connection.await(from("user"));
                assertThat(echo.get("seq").asLong()).isEqualTo(lastSeq + 1);
                assertThat(connection.await(from("bot")).get("text").asString()).isEqualTo("收到：重启后的问题");
            }
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(HelpdeskApplication.class, ChatTestAssistant.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("helpdesk")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }
}
