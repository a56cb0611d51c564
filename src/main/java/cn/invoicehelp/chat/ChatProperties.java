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
record ChatProperties(List<String> allowedOrigins, Integer maxTextLength, Integer rateLimit, Duration rateWindow,
                      Integer workers, Broker broker) {

    static final List<String> DEV_ORIGINS = List.of("http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*");

    ChatProperties {
        allowedOrigins = allowedOrigins == null || allowedOrigins.isEmpty() ? DEV_ORIGINS : List.copyOf(allowedOrigins);
        maxTextLength = maxTextLength == null ? 2000 : maxTextLength;
        rateLimit = rateLimit == null ? 20 : rateLimit;
        rateWindow = rateWindow == null ? Duration.ofSeconds(10) : rateWindow;
        workers = workers == null ? 8 : workers;
        broker = broker == null ? new Broker(null, null) : broker;
    }

    /**
     * @param heartbeatMillis  server heart-beat interval of the simple broker (send and expect), 0 disables
     * @param taskPoolSize     threads of the inbound and outbound client channels
     */
    record Broker(Long heartbeatMillis, Integer taskPoolSize) {
        Broker {
            heartbeatMillis = heartbeatMillis == null ? 10_000L : heartbeatMillis;
            taskPoolSize = taskPoolSize == null ? 8 : taskPoolSize;
        }
    }
}
