package cn.invoicehelp.chat.broker;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompBrokerRelayMessageHandler;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Destination names as RabbitMQ's STOMP plugin needs them, applied only to the frames the broker relay forwards (every
 * other handler, and the clients, keep seeing the application's names):
 * <ul>
 *   <li>{@code /topic/console/conversations/<id>} → {@code /topic/console.conversations.<id>}: RabbitMQ refuses
 *       slashes inside a topic name ("not a valid topic destination");</li>
 *   <li>{@code /queue/events-user<session>} → {@code /topic/events-user<session>}: a {@code /queue/} destination
 *       would be a durable queue that outlives its connection (one leaked queue per connection, and every event
 *       sent to a closed connection piling up in it); a {@code /topic/} subscription is an exclusive queue that
 *       RabbitMQ deletes with its subscriber, and a message nobody listens to is dropped (the event log keeps it,
 *       the client replays).</li>
 * </ul>
 * A message sent to the broker also carries its original destination ({@code simpOrigDestination}), which Spring
 * restores on the way out, so a client sees exactly the destination it sees with the in-memory broker.
 */
public final class RelayDestinations implements ExecutorChannelInterceptor {

    static final String UNRESOLVED_USER_DESTINATION = "/topic/unresolved-user-destination";
    static final String USER_REGISTRY = "/topic/simp-user-registry";

    @Override
    public Message<?> beforeHandle(Message<?> message, MessageChannel channel, MessageHandler handler) {
        if (!(handler instanceof StompBrokerRelayMessageHandler)) {
            return message;
        }
        String destination = SimpMessageHeaderAccessor.getDestination(message.getHeaders());
        String mapped = toBroker(destination);
        if (mapped == null || mapped.equals(destination)) {
            return message;
        }
        StompHeaderAccessor accessor = StompHeaderAccessor.wrap(message);
        if (accessor.getCommand() == null) {
            accessor.updateStompCommandAsClientMessage(); // a message from the application: SEND to the broker
        }
        accessor.setDestination(mapped);
        if (accessor.getMessageType() == SimpMessageType.MESSAGE
                && accessor.getFirstNativeHeader(SimpMessageHeaderAccessor.ORIGINAL_DESTINATION) == null) {
            accessor.setNativeHeader(SimpMessageHeaderAccessor.ORIGINAL_DESTINATION, destination);
        }
        accessor.setLeaveMutable(true);
        return MessageBuilder.createMessage(message.getPayload(), accessor.getMessageHeaders());
    }

    /** The broker's name for an application destination ({@code null} stays {@code null}). */
    public static String toBroker(String destination) {
        if (destination == null) {
            return null;
        }
        String name;
        if (destination.startsWith("/topic/")) {
            name = destination.substring("/topic/".length());
        } else if (destination.startsWith("/queue/")) {
            name = destination.substring("/queue/".length());
        } else {
            return destination;
        }
        return "/topic/" + name.replace('/', '.');
    }
}
