package cn.invoicehelp.chat;

import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Pushes stored events to every connection of a conversation (user = conversation id, so several tabs are several
 * sessions of one user), and to agents watching it in the console. Each visitor connection gets its own message
 * addressed to the session's resolved queue ({@code /queue/events-user<sessionId>}, what {@code /user/queue/events}
 * resolves to): one message to {@code /user/…} with ordered publishing fails for every connection but the first,
 * because the user-destination handler reuses the message whose headers the ordering decorator has already sealed.
 * With the broker relay (production profile) each event goes once to every node ({@link EventFanOut}), and each node
 * sends it to the connections it holds, the same way. On one node, one conversation's events are sent in seq order
 * ({@link #inOrder}).
 */
@Component
public class EventSender {

    public static final String EVENTS = "/queue/events";
    /** Agents watching a conversation in the console get every visitor-visible event too (plus private notes). */
    static final String STAFF_CONVERSATION = StaffSockets.DESTINATIONS + "conversations/";

    private final SimpMessagingTemplate template;
    private final SimpUserRegistry users;
    private final JsonMapper json;

    private final EventFanOut fanOut;
    private static final Logger LOG = LoggerFactory.getLogger(EventSender.class);
    /** Conversation locks for {@link #inOrder}, striped: a conversation holds one only from its append to its send. */
    private final ReentrantLock[] order = new ReentrantLock[1024];

    EventSender(SimpMessagingTemplate template, SimpUserRegistry users, JsonMapper json,
                ObjectProvider<EventFanOut> fanOut) {
        this.template = template;
        this.users = users;
        this.json = json;
        for (int i = 0; i < order.length; i++) {
            order[i] = new ReentrantLock();
        }
        this.fanOut = fanOut.getIfAvailable();
        if (this.fanOut != null) {
            this.fanOut.deliverWith((session, body) -> template.send(EVENTS + "-user" + session, message(body)));
        }
    }

    /**
     * Runs a store-then-send of one conversation so that its events reach this node's connections in seq order. Seqs
     * are taken in commit order, but two writers of a conversation (a chat turn, and a listener adding a hand-off's
     * queue notice right after the turn's commit) could otherwise send in the opposite order.
     */
    <T> T inOrder(UUID conversationId, Supplier<T> storeThenSend) {
        ReentrantLock lock = order[Math.floorMod(conversationId.hashCode(), order.length)];
        lock.lock();
        try {
            return storeThenSend.get();
        } finally {
            lock.unlock();
        }
    }

    /** Stores with {@code append} and sends what it stored, in seq order with the conversation's other events. */
    List<EventView> sendStored(UUID conversationId, Supplier<List<EventView>> append) {
        return inOrder(conversationId, () -> {
            List<EventView> stored = append.get();
            send(conversationId, stored);
            return stored;
        });
    }

    /** A pong goes to the one connection that pinged ({@code sessionId}); it is not stored and has no seq. */
    void pong(String sessionId, String clientMessageId) {
        Map<String, String> pong = clientMessageId == null ? Map.of("type", "pong")
                : Map.of("type", "pong", "clientMessageId", clientMessageId);
        try {
            template.send(EVENTS + "-user" + sessionId, message(json.writeValueAsBytes(pong)));
        } catch (MessagingException brokerGone) {
            LOG.debug("Pong not delivered", brokerGone);
        }
    }

    void send(UUID conversationId, List<EventView> events) {
        if (events.isEmpty()) {
            return;
        }
        if (fanOut != null) {
            try {
                for (EventView event : events) {
                    byte[] body = json.writeValueAsBytes(event);
                    template.send(EventFanOut.DESTINATION, fanOutMessage(conversationId, body));
                    template.send(STAFF_CONVERSATION + conversationId, message(body));
                }
            } catch (MessagingException brokerGone) {
                // The events are stored: clients get them by replay once they reconnect. The turn goes on.
                LOG.warn("Live delivery to the broker failed ({}); clients will replay", brokerGone.getMessage());
            }
            return;
        }
        SimpUser user = users.getUser(conversationId.toString());
        List<String> sessions = user == null ? List.of() : user.getSessions().stream().map(SimpSession::getId).toList();
        // The visitor's connections first, then the console's copies: a reply does not wait behind them.
        byte[][] bodies = new byte[events.size()][];
        for (int i = 0; i < bodies.length; i++) {
            bodies[i] = json.writeValueAsBytes(events.get(i));
            for (String session : sessions) {
                template.send(EVENTS + "-user" + session, message(bodies[i]));
            }
        }
        for (byte[] body : bodies) {
            template.send(STAFF_CONVERSATION + conversationId, message(body));
        }
    }

    /** To the console only (private notes). */
    void sendToStaff(UUID conversationId, Object event) {
        try {
            template.send(STAFF_CONVERSATION + conversationId, message(json.writeValueAsBytes(event)));
        } catch (MessagingException brokerGone) {
            LOG.warn("Live delivery to the console failed ({})", brokerGone.getMessage());
        }
    }

    private static Message<byte[]> fanOutMessage(UUID conversationId, byte[] body) {
        var headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        headers.setNativeHeader(EventFanOut.CONVERSATION_HEADER, conversationId.toString());
        headers.setLeaveMutable(true);
        return MessageBuilder.createMessage(body, headers.getMessageHeaders());
    }

    private static Message<byte[]> message(byte[] body) {
        var headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        headers.setLeaveMutable(true);
        return MessageBuilder.createMessage(body, headers.getMessageHeaders());
    }
}
