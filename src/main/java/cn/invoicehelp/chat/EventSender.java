package cn.invoicehelp.chat;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Pushes stored events to every connection of a conversation ({@code /user/queue/events}, user = conversation id). */
@Component
class EventSender {

    static final String EVENTS = "/queue/events";

    private final SimpMessagingTemplate template;
    private final JsonMapper json;

    EventSender(SimpMessagingTemplate template, JsonMapper json) {
        this.template = template;
        this.json = json;
    }

    /** A pong goes to the one connection that pinged ({@code sessionId}); it is not stored and has no seq. */
    void pong(UUID conversationId, String sessionId, String clientMessageId) {
        var headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setSessionId(sessionId);
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        headers.setLeaveMutable(true);
        Map<String, String> pong = clientMessageId == null ? Map.of("type", "pong")
                : Map.of("type", "pong", "clientMessageId", clientMessageId);
        template.send("/user/" + conversationId + EVENTS,
                MessageBuilder.createMessage(json.writeValueAsBytes(pong), headers.getMessageHeaders()));
    }

    void send(UUID conversationId, List<EventView> events) {
        for (EventView event : events) {
            var headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
            headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
            headers.setLeaveMutable(true);
            Message<byte[]> message = MessageBuilder.createMessage(json.writeValueAsBytes(event),
                    headers.getMessageHeaders());
            template.send("/user/" + conversationId + EVENTS, message);
        }
    }
}
