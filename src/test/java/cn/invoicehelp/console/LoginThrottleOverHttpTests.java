package cn.invoicehelp.console;

import cn.invoicehelp.chat.ChatSocketTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Guessing an agent's password through the login form stops after five tries, even with the right password. */
@ChatSocketTest
class LoginThrottleOverHttpTests {

    @LocalServerPort
    int port;

    @Test
    void theSixthLoginAfterFiveFailuresIsRefusedWith429AndRetryAfter() {
        String username = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        StaffClient admin = StaffClient.admin(port);
        admin.post("/api/console/agents", Map.of("username", username, "displayName", "限流测试",
                "password", "right-password"));

        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = new StaffClient(port).login(username, "wrong-password-" + i);
            assertThat(wrong.statusCode()).isEqualTo(302);
            assertThat(wrong.headers().firstValue("Location").orElse("")).endsWith("/login?error");
        }
        HttpResponse<String> locked = new StaffClient(port).login(username, "right-password");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(locked.body()).contains("登录失败次数过多");
        assertThat(new StaffClient(port).login("admin", StaffClient.ADMIN_PASSWORD).statusCode())
                .as("other accounts still sign in").isEqualTo(302);
    }
}
