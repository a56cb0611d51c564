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
import java.util.UUID;

/** Pushes stored events to every connection of a conversation ({@code /user/queue/events}, user = conversation id). */
@Component
class EventSender {

    static final String EVENTS = "/queue/events";
    /** Agents watching a conversation in the console get every visitor-visible event too (plus private notes). */
    static final String STAFF_CONVERSATION = StaffSockets.DESTINATIONS + "conversations/";

    private final SimpMessagingTemplate template;
    private final JsonMapper json;

    EventSender(SimpMessagingTemplate template, JsonMapper json) {
        this.template = template;
        this.json = json;
    }

    void send(UUID conversationId, List<EventView> events) {
        for (EventView event : events) {
            byte[] body = json.writeValueAsBytes(event);
            template.send("/user/" + conversationId + EVENTS, message(body));
            template.send(STAFF_CONVERSATION + conversationId, message(body));
        }
    }

    /** To the console only (private notes). */
    void sendToStaff(UUID conversationId, Object event) {
        template.send(STAFF_CONVERSATION + conversationId, message(json.writeValueAsBytes(event)));
    }

    private static Message<byte[]> message(byte[] body) {
        var headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        headers.setLeaveMutable(true);
        return MessageBuilder.createMessage(body, headers.getMessageHeaders());
    }
}
