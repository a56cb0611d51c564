package cn.invoicehelp.chat;

import cn.invoicehelp.assistant.Card;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The conversation's event log. Appends run in a transaction holding the conversation row lock (shared with other
 * appends of the same group commit), so seqs are 1, 2, 3 ... without gaps or collisions even with several writers;
 * the caller sends only after the commit.
 */
@Component
class EventLog {

    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() { };
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final Conversations conversations;
    private final ChatEvents events;
    private final GroupCommit commits;
    private final JsonMapper json;
    private final Clock clock;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    EventLog(Conversations conversations, ChatEvents events, GroupCommit commits, JsonMapper json, Clock clock,
             org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.events = events;
        this.commits = commits;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Runs {@code work} on the locked conversation in the next group commit; returns the events to send, in seq
     * order, once that commit is durable. {@code work} may run twice (again alone, if its batch failed).
     */
    List<EventView> append(UUID conversationId, Consumer<Locked> work) {
        List<ChatEvent> appended = commits.run(conversationId, ignored -> {
            Conversation conversation = conversations.lockById(conversationId)
                    .orElseThrow(() -> new IllegalStateException("no conversation " + conversationId));
            Locked locked = new Locked(conversation);
            work.accept(locked);
            return locked.toSend;
        });
        return appended.stream().map(this::view).toList();
    }

    List<ChatEvent> all(UUID conversationId) {
        return events.findByConversationIdOrderBySeq(conversationId);
    }

    List<EventView> after(UUID conversationId, long afterSeq, int limit) {
        return events.findByConversationIdAndSeqGreaterThanOrderBySeq(conversationId, afterSeq, Limit.of(limit))
                .stream().map(this::view).toList();
    }

    EventView view(ChatEvent e) {
        return new EventView(e.seq(), e.type(), e.sender(), e.text(),
                "agent".equals(e.sender()) ? null : e.clientMessageId(), e.action(),
                e.quickReplies() == null ? null : json.readValue(e.quickReplies(), LIST),
                e.card() == null ? null : json.readValue(e.card(), MAP), e.createdAt(), e.senderName());
    }

    /** The typed card of a stored event, or null (none, or a kind the assistant does not define). */
    Card card(String cardJson) {
        if (cardJson == null) {
            return null;
        }
        try {
            return json.readValue(cardJson, Card.class);
        } catch (tools.jackson.core.JacksonException e) {
            return null;
        }
    }

    String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    /** A conversation locked for this transaction. */
    final class Locked {

        final Conversation conversation;
        private final List<ChatEvent> toSend = new ArrayList<>();

        private Locked(Conversation conversation) {
            this.conversation = conversation;
        }

        ChatEvent append(NewEvent event) {
            // Milliseconds: what the database keeps, so a live event and its replay are the same JSON.
            var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            ChatEvent stored = events.save(new ChatEvent(conversation.id(), conversation.nextSeq(now), event, now));
            toSend.add(stored);
            return stored;
        }

        /** Sends an already stored event again (answer to a retried message), without a new seq. */
        void resend(ChatEvent stored) {
            toSend.add(stored);
        }

        /**
         * One plain statement in the batch's transaction, no read of the row first (the echo was inserted at once:
         * identity ids, so there is nothing of it left to flush).
         */
        void markAnswered(long eventId) {
            jdbc.update("UPDATE chat_event SET answered = TRUE WHERE id = ?", eventId);
        }

        /** Stored echo of a visitor message, if this clientMessageId was seen before. */
        java.util.Optional<ChatEvent> echoOf(String clientMessageId) {
            return events.findByConversationIdAndClientMessageId(conversation.id(), clientMessageId);
        }

        /** A stored agent message with this clientMessageId, if the agent sent it before. */
        java.util.Optional<ChatEvent> agentMessageOf(String clientMessageId) {
            return events.findFirstByConversationIdAndSenderAndRefClientMessageId(conversation.id(), "agent",
                    clientMessageId);
        }

        List<ChatEvent> all() {
            return events.findByConversationIdOrderBySeq(conversation.id());
        }

        /** Label of the quick reply the visitor picked, looked up in the latest bot offers. */
        String labelOf(String action) {
            for (ChatEvent offer : events.findByConversationIdAndSenderAndQuickRepliesIsNotNullOrderBySeqDesc(
                    conversation.id(), "bot", Limit.of(20))) {
                for (Map<String, Object> reply : json.readValue(offer.quickReplies(), LIST)) {
                    if (action.equals(reply.get("action")) && reply.get("label") instanceof String label) {
                        return label;
                    }
                }
            }
            return action;
        }
    }
}
