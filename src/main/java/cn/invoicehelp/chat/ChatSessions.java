package cn.invoicehelp.chat;

import cn.invoicehelp.assistant.Reply;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Opens conversations (with the greeting already in the log) and checks who may read them. */
@Service
public class ChatSessions {

    public record Created(UUID conversationId, String token) {
    }

    private final Conversations conversations;
    private final EventLog log;
    private final AssistantGateway assistant;
    public enum Rated { STORED, NOT_CLOSED, ALREADY_RATED }

    private final ChatRatings ratings;
    private final TransactionTemplate tx;
    private final Clock clock;

    ChatSessions(Conversations conversations, EventLog log, AssistantGateway assistant, ChatRatings ratings,
                 TransactionTemplate tx, Clock clock) {
        this.conversations = conversations;
        this.log = log;
        this.assistant = assistant;
        this.ratings = ratings;
        this.tx = tx;
        this.clock = clock;
    }

    /** Stores the visitor's rating once, after an agent closed the conversation. */
    public Rated rate(UUID conversationId, int score, String comment) {
        try {
            return tx.execute(status -> {
                Conversation conversation = conversations.findById(conversationId).orElseThrow();
                if (conversation.closedAt() == null) {
                    return Rated.NOT_CLOSED;
                }
                if (ratings.existsById(conversationId)) {
                    return Rated.ALREADY_RATED;
                }
                ratings.saveAndFlush(new ChatRating(conversationId, score, comment, clock.instant()));
                return Rated.STORED;
            });
        } catch (org.springframework.dao.DataIntegrityViolationException raced) {
            return Rated.ALREADY_RATED;
        }
    }

    public Created open(String pageUrl, String locale) {
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
    public Optional<UUID> conversationOf(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return conversations.findByTokenHash(SessionTokens.hash(token.strip())).map(Conversation::id);
    }

    @Transactional(readOnly = true)
    public boolean exists(UUID conversationId) {
        return conversations.existsById(conversationId);
    }
}
