package cn.invoicehelp.chat;

import java.security.Principal;
import java.util.UUID;

/**
 * The STOMP user of a connection: the conversation its token opens, so {@code /user/queue/events} is per conversation,
 * and the client address the WebSocket handshake came from (for per-client limits).
 */
public record ConversationPrincipal(UUID conversationId, String client) implements Principal {

    @Override
    public String getName() {
        return conversationId.toString();
    }
}
