package cn.invoicehelp.chat.broker;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationContext;
import org.springframework.messaging.simp.stomp.StompBrokerRelayMessageHandler;
import org.springframework.stereotype.Component;

/**
 * {@code brokerRelay} in {@code /actuator/health} (production profile): UP while the relay's system connection to
 * RabbitMQ is up, DOWN while it is not (live events are not delivered then; they are stored and replayed, and the relay
 * reconnects by itself).
 */
@Component
@ConditionalOnProperty(name = "helpdesk.chat.broker.relay.enabled", havingValue = "true")
class BrokerRelayHealthIndicator implements HealthIndicator {

    private final ApplicationContext context;

    BrokerRelayHealthIndicator(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public Health health() {
        var relays = context.getBeansOfType(StompBrokerRelayMessageHandler.class).values();
        if (relays.isEmpty()) {
            return Health.down().withDetail("reason", "no broker relay").build();
        }
        StompBrokerRelayMessageHandler relay = relays.iterator().next();
        Health.Builder health = relay.isBrokerAvailable() ? Health.up() : Health.down();
        return health.withDetail("broker", relay.getRelayHost() + ":" + relay.getRelayPort())
                .withDetail("connections", relay.getConnectionCount()).build();
    }
}
