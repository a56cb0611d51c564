package cn.invoicehelp.console;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Public help center and chat; admin APIs need the admin account (HTTP Basic for scripts). */
@Configuration
class WebSecurity {

    /** Admin APIs: HTTP Basic for scripts, and only here, so a stray Basic header elsewhere changes nothing. */
    @Bean
    @Order(1)
    SecurityFilterChain adminApi(HttpSecurity http, LoginThrottle throttle) throws Exception {
        http.securityMatcher("/api/admin/**")
                // Failed sign-ins lock the account / address for a while: refused before the password is checked.
                .addFilterBefore(new LoginThrottleFilter(throttle), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("ADMIN"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // no cookies: every request carries its credentials
                // Scripts get a zh-CN JSON error instead of an empty 401/403.
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"helpdesk\"");
                    error(response, HttpServletResponse.SC_UNAUTHORIZED, "需要管理员账号登录（HTTP Basic），或用户名、密码错误");
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        error(response, HttpServletResponse.SC_FORBIDDEN, "当前账号没有管理员权限")));
        return http.build();
    }

    /**
     * Staff APIs: a signed-in agent or admin, CSRF on (the session cookie is the credential). Until sign-in answers
     * itself, a request without an account gets a zh-CN 401.
     */
    @Bean
    @Order(2)
    SecurityFilterChain consoleApi(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/console/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyRole("AGENT", "ADMIN"))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) ->
                                error(response, HttpServletResponse.SC_UNAUTHORIZED, "请先登录客服工作台"))
                        .accessDeniedHandler((request, response, e) ->
                                error(response, HttpServletResponse.SC_FORBIDDEN, "当前账号无权执行此操作，或页面已过期（请刷新后重试）")));
        return http.build();
    }

    /** Everything else: the public help center, APIs and chat. */
    @Bean
    @Order(3)
    SecurityFilterChain publicSite(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        // Staff APIs: agents and admins only, with CSRF (they are called from the signed-in console).
                        .requestMatchers("/api/console/**").hasAnyRole("AGENT", "ADMIN")
                        .anyRequest().permitAll())
                // Public JSON APIs are called by the widget and scripts with their own credentials (visitor token).
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> {
                    String path = request.getRequestURI().substring(request.getContextPath().length());
                    return (path.startsWith("/api/") && !path.startsWith("/api/console/")) || path.startsWith("/ws/");
                }));
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
