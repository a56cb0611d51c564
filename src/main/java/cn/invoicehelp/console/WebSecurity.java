package cn.invoicehelp.console;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Public help center and chat; admin APIs need the admin account (HTTP Basic for scripts). */
@Configuration
class WebSecurity {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .anyRequest().permitAll())
                // Scripts get a zh-CN JSON error instead of an empty 401/403.
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"helpdesk\"");
                    error(response, HttpServletResponse.SC_UNAUTHORIZED, "需要管理员账号登录（HTTP Basic），或用户名、密码错误");
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        error(response, HttpServletResponse.SC_FORBIDDEN, "当前账号没有管理员权限")))
                // JSON APIs are called by scripts and the widget with their own credentials (Basic, visitor token).
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/ws/**"));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    private static void error(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"error\":\"" + message + "\"}");
    }
}
