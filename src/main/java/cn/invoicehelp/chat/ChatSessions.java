package cn.invoicehelp.chat;

import cn.invoicehelp.assistant.Reply;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Opens conversations (with the greeting already in the log) and checks who may read them. */
@Service
class ChatSessions {

    record Created(UUID conversationId, String token) {
    }

    private final Conversations conversations;
    private final EventLog log;
    private final AssistantGateway assistant;
    private final Clock clock = Clock.systemUTC();

    ChatSessions(Conversations conversations, EventLog log, AssistantGateway assistant) {
        this.conversations = conversations;
        this.log = log;
        this.assistant = assistant;
    }

    Created open(String pageUrl, String locale) {
        String token = SessionTokens.newToken();
        UUID id = UUID.randomUUID();
        conversations.save(new Conversation(id, SessionTokens.hash(token), pageUrl, locale, clock.instant()));
        List<Reply> greeting = assistant.greet(id);
        // A fresh client has no subscription yet: it gets the greeting through replay, so nothing is sent here.
        log.append(id, locked -> greeting.forEach(reply -> locked.append(assistant.toEvent(reply))));
        return new Created(id, token);
    }

    /** The conversation a token opens, if any. */
    @Transactional(readOnly = true)
    Optional<UUID> conversationOf(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return conversations.findByTokenHash(SessionTokens.hash(token.strip())).map(Conversation::id);
    }

    @Transactional(readOnly = true)
    boolean exists(UUID conversationId) {
        return conversations.existsById(conversationId);
    }
}
