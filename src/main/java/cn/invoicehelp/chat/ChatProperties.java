package cn.invoicehelp.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Chat transport settings.
 *
 * @param allowedOrigins  origin patterns allowed to open {@code /ws/chat} (default: localhost for development)
 * @param maxTextLength   longest message a visitor may send, in characters
 * @param rateLimit       messages one conversation may send per {@code rateWindow}
 * @param rateWindow      sliding window of the rate limit
 * @param workers         threads that run conversation turns (each conversation runs one turn at a time)
 * @param broker          message broker settings
 */
@ConfigurationProperties("helpdesk.chat")
public record ChatProperties(List<String> allowedOrigins, Integer maxTextLength, Integer rateLimit, Duration rateWindow,
                      Integer workers, Broker broker) {

    static final List<String> DEV_ORIGINS = List.of("http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*");

    public ChatProperties {
        allowedOrigins = allowedOrigins == null || allowedOrigins.isEmpty() ? DEV_ORIGINS : List.copyOf(allowedOrigins);
        maxTextLength = maxTextLength == null ? 2000 : maxTextLength;
        rateLimit = rateLimit == null ? 20 : rateLimit;
        rateWindow = rateWindow == null ? Duration.ofSeconds(10) : rateWindow;
        workers = workers == null ? 8 : workers;
        broker = broker == null ? new Broker(null, null, null) : broker;
    }

    /**
     * @param heartbeatMillis  server heart-beat interval of the simple broker (send and expect), 0 disables
     * @param taskPoolSize     threads of the inbound and outbound client channels
     * @param relay            the RabbitMQ STOMP relay of the production profile (off: the in-memory simple broker)
     */
    public record Broker(Long heartbeatMillis, Integer taskPoolSize, Relay relay) {
        public Broker {
            heartbeatMillis = heartbeatMillis == null ? 10_000L : heartbeatMillis;
            taskPoolSize = taskPoolSize == null ? 8 : taskPoolSize;
            relay = relay == null ? new Relay(false, null, null, null, null, null) : relay;
        }
    }

    /**
     * STOMP broker relay (RabbitMQ with the STOMP plugin). Every node connects to the same broker; the relay's
     * user-destination and user-registry broadcasts and the chat's own event fan-out make a conversation's events
     * reach its connections on every node.
     *
     * @param enabled      relay instead of the in-memory broker
     * @param host         broker host
     * @param port         broker STOMP port
     * @param login        broker user (used for the relay's system connection and for every client connection)
     * @param passcode     broker password
     * @param virtualHost  broker virtual host
     */
    public record Relay(boolean enabled, String host, Integer port, String login, String passcode, String virtualHost) {
        public Relay {
            host = host == null || host.isBlank() ? "localhost" : host;
            port = port == null ? 61613 : port;
            login = login == null ? "guest" : login;
            passcode = passcode == null ? "guest" : passcode;
            virtualHost = virtualHost == null || virtualHost.isBlank() ? "/" : virtualHost;
        }

        @Override
        public String toString() { // never the password
            return "Relay[enabled=" + enabled + ", host=" + host + ", port=" + port + ", login=" + login
                    + ", virtualHost=" + virtualHost + "]";
        }
    }
}
