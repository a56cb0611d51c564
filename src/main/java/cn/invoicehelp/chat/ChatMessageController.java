package cn.invoicehelp.chat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Controller;
import tools.jackson.databind.json.JsonMapper;

import java.security.Principal;

/** {@code /app/chat.send}: the raw payload goes to {@link ChatTurns}, which checks it field by field. */
@Controller
class ChatMessageController {

    private static final Logger LOG = LoggerFactory.getLogger(ChatMessageController.class);
    static final String FAILED = "系统繁忙，消息未能处理，请稍后重试。";

    private final ChatTurns turns;
    private final EventSender sender;
    private final JsonMapper json;

    ChatMessageController(ChatTurns turns, EventSender sender, JsonMapper json) {
        this.turns = turns;
        this.sender = sender;
        this.json = json;
    }

    /** {@code /app/chat.ping}: a pong to this connection at once, for clients that measure round trips. */
    @MessageMapping("/chat.ping")
    void ping(Message<?> message) {
        byte[] payload = message.getPayload() instanceof byte[] bytes ? bytes : new byte[0];
        sender.pong(SimpMessageHeaderAccessor.getSessionId(message.getHeaders()), IncomingMessage.pingId(payload, json));
    }

    @MessageMapping("/chat.send")
    void send(Message<?> message, Principal principal) {
        byte[] payload = message.getPayload() instanceof byte[] bytes ? bytes : new byte[0];
        ConversationPrincipal conversation = (ConversationPrincipal) principal;
        turns.receive(conversation.conversationId(), conversation.client(), payload);
    }

    /** Anything unexpected: an error event on the queue (no stack trace), the connection stays open. */
    @MessageExceptionHandler
    void failed(Exception e, Principal principal) {
        LOG.error("Chat message failed", e);
        if (principal instanceof ConversationPrincipal conversation) {
            turns.reject(conversation.conversationId(), null, FAILED);
        }
    }
}
