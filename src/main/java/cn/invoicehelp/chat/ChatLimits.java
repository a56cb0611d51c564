package cn.invoicehelp.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Limits that keep one client (one remote address) from exhausting the chat for everybody.
 *
 * @param connectTimeout        a WebSocket that has not sent STOMP CONNECT this long after the handshake is closed
 * @param connectionsPerClient  open WebSocket connections one client address may hold at once
 * @param sessionsPerClient     chat sessions one client address may open per {@code sessionsWindow}
 * @param sessionsWindow        refill period of the session budget
 */
@ConfigurationProperties("helpdesk.chat.limits")
public record ChatLimits(Duration connectTimeout, Integer connectionsPerClient, Integer sessionsPerClient,
                  Duration sessionsWindow) {

    public ChatLimits {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        connectionsPerClient = connectionsPerClient == null ? 100 : connectionsPerClient;
        sessionsPerClient = sessionsPerClient == null ? 20 : sessionsPerClient;
        sessionsWindow = sessionsWindow == null ? Duration.ofMinutes(1) : sessionsWindow;
    }
}
