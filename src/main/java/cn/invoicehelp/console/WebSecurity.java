package cn.invoicehelp.console;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The one security configuration. Staff URLs ({@code /console/**}, {@code /api/console/**}, {@code /ws/agent},
 * {@code /login}, {@code /logout}) need a signed-in account: form login, BCrypt, CSRF on every change, session
 * timeout; a visitor token opens nothing here. Admin scripts keep HTTP Basic on {@code /api/admin/**}. Everything
 * else is the public help center, chat and widget.
 */
@Configuration
class WebSecurity {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

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

    /** The agent console: pages, JSON APIs and the agent socket, behind form login. */
    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http, LoginThrottle throttle, SessionRegistry sessions) throws Exception {
        RequestMatcher api = request -> path(request).startsWith("/api/console/");
        http.securityMatcher("/console", "/console/**", "/api/console/**", "/ws/agent", "/ws/agent/**", "/login",
                        "/logout")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login").permitAll()
                        .requestMatchers("/console/agents", "/console/agents/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/console/agents", "/api/console/canned-replies")
                        .hasAnyRole("AGENT", "ADMIN")
                        .requestMatchers("/api/console/agents/**", "/api/console/agents",
                                "/api/console/canned-replies", "/api/console/canned-replies/**",
                                "/api/console/notifications/**").hasRole("ADMIN")
                        // an admin is an agent too
                        .anyRequest().hasAnyRole("AGENT", "ADMIN"))
                .formLogin(form -> form.loginPage("/login")
                        // outcomes reach the LoginThrottle as authentication events
                        .successHandler((request, response, authentication) -> response.sendRedirect("/console"))
                        .failureHandler((request, response, e) -> response.sendRedirect("/login?error")))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // Sessions are registered so that disabling an account ends its sessions at once.
                .sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessions)
                        .expiredSessionStrategy(event -> {
                            if (api.matches(event.getRequest())) {
                                error(event.getResponse(), HttpServletResponse.SC_UNAUTHORIZED, "登录已失效，请重新登录。");
                            } else {
                                event.getResponse().sendRedirect("/login?expired");
                            }
                        }))
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor((request, response, e) -> error(response,
                                HttpServletResponse.SC_UNAUTHORIZED, "请先登录客服工作台。"), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                request -> true)
                        .accessDeniedHandler((request, response, e) -> {
                            var auth = SecurityContextHolder.getContext().getAuthentication();
                            if (auth == null || auth instanceof AnonymousAuthenticationToken) {
                                // Not signed in (e.g. a POST without session): say so rather than "CSRF".
                                if (api.matches(request)) {
                                    error(response, HttpServletResponse.SC_UNAUTHORIZED, "请先登录客服工作台。");
                                } else {
                                    response.sendRedirect("/login");
                                }
                                return;
                            }
                            if (!api.matches(request) && !(e instanceof CsrfException)) {
                                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                                return;
                            }
                            error(response, HttpServletResponse.SC_FORBIDDEN, e instanceof CsrfException
                                    ? "CSRF 令牌缺失或无效，请刷新页面后重试（请求头见 GET /api/console/me 的 csrf）。"
                                    : "当前账号没有权限进行此操作。");
                        }));
        return http.build();
    }

    /** Everything else: the public help center, APIs and chat. */
    @Bean
    @Order(3)
    SecurityFilterChain publicSite(HttpSecurity http) throws Exception {
        // /api/console/** never reaches this chain (the console chain above takes it); deny it here all the same.
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/console/**").denyAll()
                        .anyRequest().permitAll())
                // Public JSON APIs are called by the widget and scripts with their own credentials (visitor token).
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> {
                    String path = request.getRequestURI().substring(request.getContextPath().length());
                    return (path.startsWith("/api/") && !path.startsWith("/api/console/")) || path.startsWith("/ws/");
                }));
        return http.build();
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry when sessions end (logout, timeout). */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    static String path(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    static void error(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"error\":\"" + message + "\"}");
    }
}
