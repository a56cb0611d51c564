package cn.invoicehelp.chat.broker;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.messaging.simp.broker.DefaultSubscriptionRegistry;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.stereotype.Component;

/**
 * Every chat connection has a destination of its own ({@code /queue/events-user<session>}); the simple broker caches
 * the subscribers of 1,024 destinations by default, and a miss scans every subscription of every connection. With a
 * thousand conversations the cache already churns (the load profile showed the scans), so it is sized for the
 * connections one node holds ({@code helpdesk.chat.broker.destination-cache}). No effect with the broker relay.
 */
@Component
class BrokerDestinationCache implements SmartInitializingSingleton {

    private final ObjectProvider<SimpleBrokerMessageHandler> broker;
    private final int limit;

    BrokerDestinationCache(ObjectProvider<SimpleBrokerMessageHandler> broker,
                           @Value("${helpdesk.chat.broker.destination-cache:32768}") int limit) {
        this.broker = broker;
        this.limit = limit;
    }

    @Override
    public void afterSingletonsInstantiated() {
        broker.ifAvailable(handler -> {
            if (handler.getSubscriptionRegistry() instanceof DefaultSubscriptionRegistry registry) {
                registry.setCacheLimit(limit);
            }
        });
    }
}
