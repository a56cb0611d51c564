package cn.invoicehelp.console;

import cn.invoicehelp.chat.StaffSockets;
import cn.invoicehelp.escalation.AgentPresence;
import cn.invoicehelp.escalation.HandoffClaimed;
import cn.invoicehelp.escalation.HandoffClosed;
import cn.invoicehelp.escalation.HandoffQueueChanged;
import cn.invoicehelp.escalation.HandoffQueued;
import cn.invoicehelp.escalation.HandoffReleased;
import cn.invoicehelp.escalation.HandoffTransferred;
import cn.invoicehelp.escalation.Handoffs;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Live updates for open consoles: the queue after every hand-off move ({@code /topic/console/handoffs}) and agent
 * presence ({@code /topic/console/presence}), which follows the agents' socket connections.
 */
@Component
class ConsoleBroadcasts {

    static final String HANDOFFS = StaffSockets.DESTINATIONS + "handoffs";
    static final String PRESENCE = StaffSockets.DESTINATIONS + "presence";

    private final SimpMessagingTemplate template;
    private final Handoffs handoffs;
    private final AgentPresence presence;
    private final StaffAccounts accounts;
    private final JsonMapper json;

    ConsoleBroadcasts(SimpMessagingTemplate template, Handoffs handoffs, AgentPresence presence,
                      StaffAccounts accounts, JsonMapper json) {
        this.json = json;
        this.template = template;
        this.handoffs = handoffs;
        this.presence = presence;
        this.accounts = accounts;
    }

    void queue() {
        send(HANDOFFS, handoffs.active());
    }

    void presence() {
        send(PRESENCE, presence.agents());
    }

    private void send(String destination, Object payload) {
        var headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        headers.setLeaveMutable(true);
        try {
            template.send(destination, MessageBuilder.createMessage(json.writeValueAsBytes(payload),
                    headers.getMessageHeaders()));
        } catch (MessagingException brokerGone) {
            // Production profile with RabbitMQ down: consoles reload the list when they reconnect.
            LoggerFactory.getLogger(ConsoleBroadcasts.class).warn("Console update not delivered ({})",
                    brokerGone.getMessage());
        }
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(HandoffQueued event) {
        queue();
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(HandoffQueueChanged event) {
        queue();
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(HandoffClaimed event) {
        queue();
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(HandoffTransferred event) {
        queue();
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(HandoffReleased event) {
        queue();
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(HandoffClosed event) {
        queue();
    }

    @EventListener
    void connected(SessionConnectedEvent event) {
        if (event.getUser() instanceof Authentication authentication && authentication.isAuthenticated()) {
            presence.connected(accounts.agent(authentication), StompHeaderAccessor.wrap(event.getMessage())
                    .getSessionId());
            presence();
        }
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        if (event.getUser() instanceof Authentication authentication) {
            presence.disconnected(authentication.getName(), event.getSessionId());
            presence();
        }
    }
}
