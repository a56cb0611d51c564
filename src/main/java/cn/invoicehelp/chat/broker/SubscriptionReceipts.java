package cn.invoicehelp.chat.broker;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The simple broker does not answer a SUBSCRIBE's {@code receipt} header. Clients need that RECEIPT to know their
 * subscription is live before they replay what they missed, so it is sent here, once the broker registered it.
 * (A broker relay answers receipts itself.)
 */
class SubscriptionReceipts implements ChannelInterceptor {

    private final MessageChannel clientOutbound;

    SubscriptionReceipts(MessageChannel clientOutbound) {
        this.clientOutbound = clientOutbound;
    }

    @Override
    public void afterSendCompletion(Message<?> message, MessageChannel channel, boolean sent, Exception ex) {
        SimpMessageHeaderAccessor accessor = SimpMessageHeaderAccessor.wrap(message);
        String receipt = accessor.getFirstNativeHeader("receipt");
        if (!sent || ex != null || receipt == null || accessor.getMessageType() != SimpMessageType.SUBSCRIBE) {
            return;
        }
        StompHeaderAccessor frame = StompHeaderAccessor.create(StompCommand.RECEIPT);
        frame.setReceiptId(receipt);
        frame.setSessionId(accessor.getSessionId());
        frame.setLeaveMutable(true);
        clientOutbound.send(MessageBuilder.createMessage(new byte[0], frame.getMessageHeaders()));
    }
}
