package cn.invoicehelp.console;

import cn.invoicehelp.chat.StaffSockets;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.core.Authentication;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.server.HandshakeInterceptor;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The agent socket {@code /ws/agent}: STOMP over a native WebSocket, same-origin only (no allowed origins are
 * configured), opened with the console's login session (the HTTP security chain refuses the handshake otherwise).
 * An agent connection may only subscribe to console destinations and sends nothing (actions go through the REST API).
 */
@Configuration
class AgentSockets implements WebSocketMessageBrokerConfigurer {

    private final MessageChannel clientOutbound;

    AgentSockets(@Lazy @Qualifier("clientOutboundChannel") MessageChannel clientOutbound) {
        this.clientOutbound = clientOutbound;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/ws/agent").addInterceptors(new HandshakeInterceptor() {
            @Override
            public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
                                           WebSocketHandler handler, Map<String, Object> attributes) {
                attributes.put(StaffSockets.ATTRIBUTE, Boolean.TRUE);
                return request.getPrincipal() instanceof Authentication authentication
                        && authentication.isAuthenticated();
            }

            @Override
            public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response,
                                       WebSocketHandler handler, Exception exception) {
            }
        });
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(new StaffOnly());
    }

    /** Rules of staff connections; visitor connections are the chat's business. */
    private final class StaffOnly implements ExecutorChannelInterceptor {

        /** The simple broker does not answer receipts; staff subscriptions get theirs once the broker has them.
         * (The RabbitMQ relay of the production profile answers them itself.) */
        @Override
        public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler,
                                        Exception ex) {
            StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
            if (ex != null || !(handler instanceof SimpleBrokerMessageHandler) || accessor == null
                    || accessor.getCommand() != StompCommand.SUBSCRIBE || accessor.getReceipt() == null
                    || !staff(accessor)) {
                return;
            }
            StompHeaderAccessor receipt = StompHeaderAccessor.create(StompCommand.RECEIPT);
            receipt.setReceiptId(accessor.getReceipt());
            receipt.setSessionId(accessor.getSessionId());
            receipt.setLeaveMutable(true);
            clientOutbound.send(MessageBuilder.createMessage(new byte[0], receipt.getMessageHeaders()));
        }

        private boolean staff(StompHeaderAccessor accessor) {
            return accessor.getSessionAttributes() != null
                    && Boolean.TRUE.equals(accessor.getSessionAttributes().get(StaffSockets.ATTRIBUTE));
        }

        @Override
        public Message<?> preSend(Message<?> message, MessageChannel channel) {
            StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
            if (accessor == null || accessor.getCommand() == null || !staff(accessor)) {
                return message;
            }
            StompCommand command = accessor.getCommand();
            boolean agent = accessor.getUser() instanceof Authentication auth && auth.isAuthenticated()
                    && auth.getAuthorities().stream().anyMatch(a -> "ROLE_AGENT".equals(a.getAuthority()));
            if (!agent && command != StompCommand.DISCONNECT) {
                return refuse(accessor, "unauthorized", "请先登录客服工作台。");
            }
            if (command == StompCommand.SUBSCRIBE && (accessor.getDestination() == null
                    || !accessor.getDestination().startsWith(StaffSockets.DESTINATIONS))) {
                return refuse(accessor, "forbidden destination", "只能订阅 " + StaffSockets.DESTINATIONS + "…");
            }
            if (command == StompCommand.SEND) {
                return refuse(accessor, "forbidden destination", "工作台操作请使用 /api/console 接口。");
            }
            return message;
        }

        private Message<?> refuse(StompHeaderAccessor accessor, String code, String description) {
            StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
            error.setSessionId(accessor.getSessionId());
            error.setMessage(code);
            error.setContentType(MimeTypeUtils.APPLICATION_JSON);
            error.setLeaveMutable(true);
            byte[] body = ("{\"error\":\"" + description + "\"}").getBytes(StandardCharsets.UTF_8);
            clientOutbound.send(MessageBuilder.createMessage(body, error.getMessageHeaders()));
            return null;
        }
    }
}
