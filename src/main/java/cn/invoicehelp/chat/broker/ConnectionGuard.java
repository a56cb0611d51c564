package cn.invoicehelp.chat.broker;

import cn.invoicehelp.chat.ChatLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;
import org.springframework.web.socket.messaging.SessionConnectEvent;
import org.springframework.web.socket.server.HandshakeInterceptor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Guards {@code /ws/chat} against connections that cost memory and threads without chatting: a client address may
 * hold at most {@code connectionsPerClient} open WebSockets (more are refused at the handshake with 429), and a
 * WebSocket that has not sent STOMP CONNECT within {@code connectTimeout} is closed at that moment (1008), not at some
 * later sweep.
 */
@Component
class ConnectionGuard implements HandshakeInterceptor, WebSocketHandlerDecoratorFactory,
        ApplicationListener<SessionConnectEvent>, DisposableBean {

    static final String TOO_MANY = "同一网络地址打开的聊天连接过多，请关闭其他聊天窗口后再试。";
    static final CloseStatus NO_CONNECT = CloseStatus.POLICY_VIOLATION.withReason("no STOMP CONNECT in time");
    static final CloseStatus OVER_CAP = CloseStatus.POLICY_VIOLATION.withReason("too many connections");
    private static final String CLIENT = ConnectionGuard.class.getName() + ".client";
    private static final String REFUSED = ConnectionGuard.class.getName() + ".refused";
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

    private final ChatLimits limits;
    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> awaitingConnect = new ConcurrentHashMap<>();
    // A timer per connection on one thread: the close happens when the time is up, not at the next sweep.
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
            new CustomizableThreadFactory("chat-connect-timeout-"));

    ConnectionGuard(ChatLimits limits) {
        this.limits = limits;
        timer.setRemoveOnCancelPolicy(true);
    }

    // --- handshake: refuse a client over its cap before the upgrade ---

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) throws IOException {
        String client = client(request.getRemoteAddress());
        attributes.put(CLIENT, client);
        if (count(client) < limits.connectionsPerClient()) {
            return true;
        }
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, "30");
        response.getHeaders().setContentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8));
        response.getBody().write(("{\"error\":\"" + TOO_MANY + "\"}").getBytes(StandardCharsets.UTF_8));
        return false;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
    }

    // --- open connections: counted per client, CONNECT timer ---

    @Override
    public WebSocketHandler decorate(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                String client = (String) session.getAttributes().get(CLIENT);
                if (client != null && open.computeIfAbsent(client, c -> new AtomicInteger()).incrementAndGet()
                        > limits.connectionsPerClient()) {
                    // Several handshakes of one client raced past the check: the one over the cap goes.
                    session.getAttributes().put(REFUSED, true);
                    session.close(OVER_CAP);
                    return;
                }
                awaitingConnect.put(session.getId(), timer.schedule(() -> closeIfSilent(session),
                        limits.connectTimeout().toMillis(), TimeUnit.MILLISECONDS));
                super.afterConnectionEstablished(session);
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
                connected(session.getId());
                String client = (String) session.getAttributes().get(CLIENT);
                if (client != null) {
                    open.computeIfPresent(client, (c, n) -> n.decrementAndGet() <= 0 ? null : n);
                }
                if (session.getAttributes().remove(REFUSED) == null) {
                    super.afterConnectionClosed(session, status);
                }
            }
        };
    }

    /** STOMP CONNECT arrived (valid or not: a bad token is answered with ERROR and a close anyway). */
    @Override
    public void onApplicationEvent(SessionConnectEvent event) {
        String sessionId = SimpMessageHeaderAccessor.getSessionId(event.getMessage().getHeaders());
        if (sessionId != null) {
            connected(sessionId);
        }
    }

    private void connected(String sessionId) {
        ScheduledFuture<?> pending = awaitingConnect.remove(sessionId);
        if (pending != null) {
            pending.cancel(false);
        }
    }

    private void closeIfSilent(WebSocketSession session) {
        if (awaitingConnect.remove(session.getId()) != null && session.isOpen()) {
            try {
                session.close(NO_CONNECT);
            } catch (IOException e) {
                LOG.debug("Closing a silent chat connection failed", e);
            }
        }
    }

    int count(String client) {
        AtomicInteger n = open.get(client);
        return n == null ? 0 : n.get();
    }

    private static String client(InetSocketAddress address) {
        return address == null || address.getAddress() == null ? "unknown" : address.getAddress().getHostAddress();
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
