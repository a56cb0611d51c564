package cn.invoicehelp.chat;

import cn.invoicehelp.chat.broker.RelayDestinations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.stomp.StompBrokerRelayMessageHandler;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * With the broker relay, every conversation event goes once to {@link #DESTINATION} on RabbitMQ; every node's relay
 * system connection is subscribed to it (a topic: each node gets its own copy) and delivers the event to the
 * connections of that conversation it holds itself. The node that stored the event therefore never needs to know
 * where the other tabs of the conversation are: a tab that connected to another node a moment ago gets the event
 * just like one that has been there for an hour (the user-registry broadcast would learn about it only at its next
 * round, up to 10 s later). The connections held here are tracked exactly, from this node's own CONNECTED and
 * DISCONNECT events.
 */
@Component
@ConditionalOnProperty(name = "helpdesk.chat.broker.relay.enabled", havingValue = "true")
class EventFanOut implements SmartInitializingSingleton {

    static final String DESTINATION = "/topic/helpdesk.chat-events";
    static final String CONVERSATION_HEADER = "helpdesk-conversation";
    private static final Logger LOG = LoggerFactory.getLogger(EventFanOut.class);

    private final ApplicationContext context;
    private final Map<UUID, Set<String>> local = new ConcurrentHashMap<>();
    private volatile BiConsumer<String, byte[]> deliver;

    EventFanOut(ApplicationContext context) {
        this.context = context;
    }

    /** Where a fanned-out event goes on this node: {@code (sessionId, body)}. */
    void deliverWith(BiConsumer<String, byte[]> deliver) {
        this.deliver = deliver;
    }

    /** The relay's system connection subscribes to the fan-out topic next to the two user broadcasts. */
    @Override
    public void afterSingletonsInstantiated() {
        for (StompBrokerRelayMessageHandler relay : context.getBeansOfType(StompBrokerRelayMessageHandler.class)
                .values()) {
            Map<String, MessageHandler> subscriptions = new HashMap<>(relay.getSystemSubscriptions());
            subscriptions.put(RelayDestinations.toBroker(DESTINATION), this::received);
            relay.setSystemSubscriptions(subscriptions);
        }
    }

    private void received(Message<?> message) {
        String conversation = StompHeaderAccessor.wrap(message).getFirstNativeHeader(CONVERSATION_HEADER);
        if (conversation == null || !(message.getPayload() instanceof byte[] body) || deliver == null) {
            return;
        }
        Set<String> sessions;
        try {
            sessions = local.get(UUID.fromString(conversation));
        } catch (IllegalArgumentException e) {
            LOG.debug("Fan-out message without a valid conversation id");
            return;
        }
        if (sessions != null) {
            for (String session : List.copyOf(sessions)) {
                try {
                    deliver.accept(session, body);
                } catch (RuntimeException e) {
                    LOG.debug("Fanned-out event not delivered to session {}", session, e);
                }
            }
        }
    }

    @EventListener
    void connected(SessionConnectedEvent event) {
        if (event.getUser() instanceof ConversationPrincipal user) {
            String session = StompHeaderAccessor.wrap(event.getMessage()).getSessionId();
            if (session != null) {
                local.computeIfAbsent(user.conversationId(), id -> ConcurrentHashMap.newKeySet()).add(session);
            }
        }
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        if (event.getUser() instanceof ConversationPrincipal user) {
            local.computeIfPresent(user.conversationId(), (id, sessions) -> {
                sessions.remove(event.getSessionId());
                return sessions.isEmpty() ? null : sessions;
            });
        }
    }

    int localConnections() {
        return local.values().stream().mapToInt(Set::size).sum();
    }
}
