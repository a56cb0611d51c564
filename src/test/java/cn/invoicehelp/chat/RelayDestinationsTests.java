package cn.invoicehelp.chat;

import cn.invoicehelp.chat.broker.RelayDestinations;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompBrokerRelayMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ExecutorSubscribableChannel;
import org.springframework.messaging.support.MessageBuilder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RabbitMQ refuses slashes in topic names and would keep a durable queue per {@code /queue/} destination: the relay
 * gets broker-friendly names, everything else (and the client, through simpOrigDestination) keeps the application's.
 */
class RelayDestinationsTests {

    private final ExecutorSubscribableChannel channel = new ExecutorSubscribableChannel();
    private final StompBrokerRelayMessageHandler relay = new StompBrokerRelayMessageHandler(
            new ExecutorSubscribableChannel(), new ExecutorSubscribableChannel(), new ExecutorSubscribableChannel(),
            List.of("/topic", "/queue"));
    private final RelayDestinations destinations = new RelayDestinations();

    @Test
    void consoleTopicsAndSessionQueuesBecomeRabbitTopicsForTheRelayOnly() {
        Message<?> sent = send("/topic/console/conversations/c-1");

        Message<?> toRelay = destinations.beforeHandle(sent, channel, relay);
        StompHeaderAccessor stomp = StompHeaderAccessor.wrap(toRelay);
        assertThat(stomp.getDestination()).isEqualTo("/topic/console.conversations.c-1");
        assertThat(stomp.getCommand()).isEqualTo(StompCommand.SEND);
        assertThat(stomp.getFirstNativeHeader(SimpMessageHeaderAccessor.ORIGINAL_DESTINATION))
                .isEqualTo("/topic/console/conversations/c-1");
        assertThat(destinations.beforeHandle(sent, channel, new SimpleBrokerMessageHandler(channel, channel, channel,
                List.of("/topic")))).isSameAs(sent);
        assertThat(SimpMessageHeaderAccessor.getDestination(sent.getHeaders()))
                .as("the original message is not changed").isEqualTo("/topic/console/conversations/c-1");

        assertThat(RelayDestinations.toBroker("/queue/events-userab12")).isEqualTo("/topic/events-userab12");
        assertThat(RelayDestinations.toBroker(EventFanOut.DESTINATION)).isEqualTo(EventFanOut.DESTINATION);
        assertThat(RelayDestinations.toBroker("/app/chat.send")).isEqualTo("/app/chat.send");
    }

    @Test
    void aClientSubscriptionKeepsItsIdAndReceipt() {
        StompHeaderAccessor subscribe = StompHeaderAccessor.create(StompCommand.SUBSCRIBE);
        subscribe.setDestination("/queue/events-userab12");
        subscribe.setSubscriptionId("sub-0");
        subscribe.setReceipt("r-1");
        subscribe.setSessionId("ab12");
        Message<?> message = MessageBuilder.createMessage(new byte[0], subscribe.getMessageHeaders());

        StompHeaderAccessor toRelay = StompHeaderAccessor.wrap(destinations.beforeHandle(message, channel, relay));
        assertThat(toRelay.getCommand()).isEqualTo(StompCommand.SUBSCRIBE);
        assertThat(toRelay.getDestination()).isEqualTo("/topic/events-userab12");
        assertThat(toRelay.getSubscriptionId()).isEqualTo("sub-0");
        assertThat(toRelay.getReceipt()).isEqualTo("r-1");
        assertThat(toRelay.getSessionId()).isEqualTo("ab12");
    }

    private static Message<?> send(String destination) {
        var headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setDestination(destination);
        headers.setLeaveMutable(true);
        return MessageBuilder.createMessage("{}".getBytes(), headers.getMessageHeaders());
    }
}
