package cn.invoicehelp.chat.broker;

import cn.invoicehelp.chat.ChatSessions;
import cn.invoicehelp.chat.ConversationPrincipal;
import cn.invoicehelp.chat.EventSender;
import cn.invoicehelp.chat.StaffSockets;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authenticates CONNECT by its {@code token} header and pins the connection to that conversation. Afterwards a
 * client may only subscribe to its own events and send to {@code /app/chat.send}; anything else gets an ERROR frame
 * (then the server closes the connection, as STOMP requires). The frame is sent from here rather than by throwing,
 * because with ordered inbound processing an exception would only be logged.
 */
@Component
class TokenInterceptor implements ChannelInterceptor {

    static final String EVENTS_SUBSCRIPTION = "/user" + EventSender.EVENTS;
    static final String SEND_DESTINATION = "/app/chat.send";
    static final String PING_DESTINATION = "/app/chat.ping";

    private final ChatSessions sessions;
    private final MessageChannel clientOutbound;
    private final StompErrors errors;

    TokenInterceptor(ChatSessions sessions, @Lazy @Qualifier("clientOutboundChannel") MessageChannel clientOutbound,
                     JsonMapper json) {
        this.sessions = sessions;
        this.clientOutbound = clientOutbound;
        this.errors = new StompErrors(json);
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        try {
            return check(message);
        } catch (ChatAccessDenied denied) {
            StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
            clientOutbound.send(errors.error(denied.code, denied.getMessage(), accessor.getSessionId()));
            return null;
        }
    }

    private Message<?> check(Message<?> message) {
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (accessor == null || accessor.getCommand() == null) {
            return message;
        }
        var attributes = accessor.getSessionAttributes();
        if (attributes != null && Boolean.TRUE.equals(attributes.get(StaffSockets.ATTRIBUTE))) {
            return message; // an agent connection: the console's interceptor decides
        }
        StompCommand command = accessor.getCommand();
        if (command == StompCommand.CONNECT || command == StompCommand.STOMP) {
            var conversation = sessions.conversationOf(accessor.getFirstNativeHeader("token"))
                    .orElseThrow(() -> new ChatAccessDenied("unauthorized", "会话凭证无效或缺失，请重新打开对话。"));
            accessor.setUser(new ConversationPrincipal(conversation, ClientAddress.of(accessor.getSessionAttributes())));
        } else if (command == StompCommand.SUBSCRIBE) {
            requireUser(accessor);
            if (!EVENTS_SUBSCRIPTION.equals(accessor.getDestination())) {
                throw new ChatAccessDenied("forbidden destination", "只能订阅 " + EVENTS_SUBSCRIPTION + "。");
            }
        } else if (command == StompCommand.SEND) {
            requireUser(accessor);
            if (!SEND_DESTINATION.equals(accessor.getDestination())
                    && !PING_DESTINATION.equals(accessor.getDestination())) {
                throw new ChatAccessDenied("forbidden destination", "消息只能发送到 " + SEND_DESTINATION + "。");
            }
        }
        return message;
    }

    private static void requireUser(StompHeaderAccessor accessor) {
        if (!(accessor.getUser() instanceof ConversationPrincipal)) {
            throw new ChatAccessDenied("unauthorized", "会话凭证无效或缺失，请重新打开对话。");
        }
    }

    /** Refusal turned into a STOMP ERROR frame: {@code message} header = code, body = zh-CN JSON. */
    static final class ChatAccessDenied extends MessageDeliveryException {

        final String code;

        ChatAccessDenied(String code, String description) {
            super(description);
            this.code = code;
        }
    }
}
