package cn.invoicehelp.chat;

import java.security.Principal;
import java.util.UUID;

/** The STOMP user of a connection: the conversation its token opens, so {@code /user/queue/events} is per conversation. */
record ConversationPrincipal(UUID conversationId) implements Principal {

    @Override
    public String getName() {
        return conversationId.toString();
    }
}
