package cn.invoicehelp.console;

import cn.invoicehelp.chat.ChatSocketTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Guessing an agent's password through the login form stops after five tries, even with the right password. */
@ChatSocketTest
class LoginThrottleOverHttpTests {

    @LocalServerPort
    int port;

    @Test
    void theSixthLoginAfterFiveFailuresIsRefusedWith429AndRetryAfter() {
        String username = StaffClient.createAgent(port, "限流测试", "right-password");

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
