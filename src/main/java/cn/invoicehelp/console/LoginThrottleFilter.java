package cn.invoicehelp.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Refuses a sign-in attempt (an HTTP Basic header, or {@code POST /login}) with 429 and {@code Retry-After} while
 * its account or address is locked by {@link LoginThrottle}: the password is not checked, so guessing stops.
 * Add it to a security chain before the authentication filter.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> account = attemptedAccount(request);
        if (account.isPresent()) {
            Optional<Duration> locked = throttle.lockedFor(account.get(), request.getRemoteAddr());
            if (locked.isPresent()) {
                long seconds = Math.max(1, (locked.get().toMillis() + 999) / 1000);
                response.setStatus(429);
                response.setHeader("Retry-After", String.valueOf(seconds));
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter().write("{\"error\":\"登录失败次数过多,请 " + minutes(seconds) + " 后再试。\"}");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static String minutes(long seconds) {
        return seconds < 60 ? seconds + " 秒" : ((seconds + 59) / 60) + " 分钟";
    }

    /** The account a request tries to sign in as, if it is a sign-in attempt at all. */
    static Optional<String> attemptedAccount(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return Optional.of(colon < 0 ? decoded : decoded.substring(0, colon));
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        }
        if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
            return Optional.ofNullable(request.getParameter("username"));
        }
        return Optional.empty();
    }
}
