package cn.invoicehelp.chat.broker;

import cn.invoicehelp.chat.ChatProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import tools.jackson.databind.json.JsonMapper;

/**
 * STOMP endpoint and broker, all in one place: the in-memory simple broker by default, or (production profile,
 * {@code helpdesk.chat.broker.relay.enabled}) Spring's STOMP broker relay to RabbitMQ with user-destination and
 * user-registry broadcast. With the relay, {@link RelayDestinations} maps destinations to names RabbitMQ accepts and
 * {@code chat.EventFanOut} carries every conversation event to every node.
 */
@Configuration
@EnableWebSocketMessageBroker
class ChatBrokerConfig implements WebSocketMessageBrokerConfigurer {

    private final ChatProperties properties;
    private final TokenInterceptor tokens;
    private final JsonMapper json;

    private final MessageChannel clientOutbound;
    private final ConnectionGuard guard;
    /** Per-connection buffers: {@link SocketBuffers}. */
    private final org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory textBufferLimit;

    ChatBrokerConfig(ChatProperties properties, TokenInterceptor tokens, JsonMapper json,
                     @Lazy @Qualifier("clientOutboundChannel") MessageChannel clientOutbound, ConnectionGuard guard,
                     @Qualifier("chatTextBufferLimit")
                     org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory textBufferLimit) {
        this.guard = guard;
        this.textBufferLimit = textBufferLimit;
        this.properties = properties;
        this.tokens = tokens;
        this.json = json;
        this.clientOutbound = clientOutbound;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/ws/chat").setAllowedOriginPatterns(properties.allowedOrigins().toArray(String[]::new))
                .addInterceptors(new ClientAddress(), guard);
        registry.setErrorHandler(new StompErrors(json));
        // Frames of one connection are handled in the order they arrived: message 1 is echoed before message 2.
        registry.setPreserveReceiveOrder(true);
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        ChatProperties.Relay relay = properties.broker().relay();
        if (relay.enabled()) {
            // RabbitMQ answers SUBSCRIBE receipts itself; the relay reconnects on its own when the broker restarts.
            registry.enableStompBrokerRelay("/queue", "/topic")
                    .setRelayHost(relay.host())
                    .setRelayPort(relay.port())
                    .setVirtualHost(relay.virtualHost())
                    .setSystemLogin(relay.login())
                    .setSystemPasscode(relay.passcode())
                    .setClientLogin(relay.login())
                    .setClientPasscode(relay.passcode())
                    .setUserDestinationBroadcast(RelayDestinations.UNRESOLVED_USER_DESTINATION)
                    .setUserRegistryBroadcast(RelayDestinations.USER_REGISTRY);
            registry.configureBrokerChannel().interceptors(new RelayDestinations());
        } else {
            long heartbeat = properties.broker().heartbeatMillis();
            // /topic: broadcasts to the agent console (only staff connections may subscribe there).
            var broker = registry.enableSimpleBroker("/queue", "/topic");
            if (heartbeat > 0) {
                var scheduler = new ThreadPoolTaskScheduler();
                scheduler.setPoolSize(1);
                scheduler.setThreadNamePrefix("chat-heartbeat-");
                scheduler.initialize();
                broker.setHeartbeatValue(new long[] {heartbeat, heartbeat}).setTaskScheduler(scheduler);
            }
            registry.configureBrokerChannel().interceptors(new SubscriptionReceipts(clientOutbound));
        }
        registry.setApplicationDestinationPrefixes("/app");
        registry.setUserDestinationPrefix("/user");
        // Events of one connection leave in the order they were stored (seq order).
        registry.setPreservePublishOrder(true);
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.addDecoratorFactory(guard);
        registration.addDecoratorFactory(textBufferLimit);
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(tokens);
        if (properties.broker().relay().enabled()) {
            registration.interceptors(new RelayDestinations());
        }
        registration.taskExecutor().corePoolSize(properties.broker().taskPoolSize());
    }

    @Override
    public void configureClientOutboundChannel(ChannelRegistration registration) {
        registration.taskExecutor().corePoolSize(properties.broker().taskPoolSize());
    }
}
