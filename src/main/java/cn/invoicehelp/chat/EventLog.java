package cn.invoicehelp.chat;

import cn.invoicehelp.assistant.Card;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The conversation's event log. Appends run in a transaction holding the conversation row lock (shared with other
 * appends of the same group commit), so seqs are 1, 2, 3 ... without gaps or collisions even with several writers;
 * the caller sends only after the commit.
 */
@Component
public class EventLog {

    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() { };
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final ChatEvents events;
    private final GroupCommit commits;
    private final JsonMapper json;
    private final Clock clock;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    EventLog(ChatEvents events, GroupCommit commits, JsonMapper json, Clock clock,
             org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
            Locked locked = new Locked(lock(conversationId));
            Conversation.Changes before = locked.conversation.changes();
            work.accept(locked);
            Conversation.Changes after = locked.conversation.changes();
            if (!after.equals(before)) {
                jdbc.update("UPDATE chat_conversation SET status = ?, last_seq = ?, handoff_notice_sent = ?, "
                                + "bot_while_waiting = ?, updated_at = ?, closed_at = ? WHERE id = ?",
                        after.status().name(), after.lastSeq(), after.handoffNoticeSent(), after.botWhileWaiting(),
                        utc(after.updatedAt()), utc(after.closedAt()), conversationId);
            }
            return locked.toSend;
        });
        return appended.stream().map(this::view).toList();
    }

    /**
     * The row lock with plain JDBC: the group commit's statements skip the persistence context (its flush, dirty
     * checks and entity copies were the larger half of a turn's CPU).
     */
    private Conversation lock(UUID conversationId) {
        Conversation conversation = jdbc.query("SELECT status, last_seq, handoff_notice_sent, page_url, "
                + "bot_while_waiting, updated_at, closed_at FROM chat_conversation WHERE id = ? FOR UPDATE", rs -> rs.next()
                ? Conversation.locked(conversationId, Conversation.Status.valueOf(rs.getString(1)), rs.getLong(2),
                        rs.getBoolean(3), rs.getString(4), rs.getBoolean(5), instant(rs.getObject(6, OffsetDateTime.class)),
                        instant(rs.getObject(7, OffsetDateTime.class)))
                : null, conversationId);
        if (conversation == null) {
            throw new IllegalStateException("no conversation " + conversationId);
        }
        return conversation;
    }

    /**
     * What a visitor message will meet, read without a lock before its turn is queued for the group commit: whether
     * the bot is expected to answer (so the answer can be worked out before the batch) and the stored echo of a
     * resent {@code clientMessageId}. Only a forecast: the batch decides again under the lock.
     */
    Forecast forecast(UUID conversationId, String clientMessageId) {
        return jdbc.query("SELECT c.status, c.bot_while_waiting, " + EVENT_COLUMNS_OF_E + " FROM chat_conversation c "
                + "LEFT JOIN chat_event e ON e.conversation_id = c.id AND e.client_message_id = ? WHERE c.id = ?", rs -> {
                    if (!rs.next()) {
                        return new Forecast(null, false, Optional.empty());
                    }
                    ChatEvent echo = rs.getObject(3) == null ? null : event(rs, 3);
                    return new Forecast(Conversation.Status.valueOf(rs.getString(1)), rs.getBoolean(2),
                            Optional.ofNullable(echo));
                }, clientMessageId, conversationId);
    }

    record Forecast(Conversation.Status status, boolean botWhileWaiting, Optional<ChatEvent> echo) {

        /** The bot is expected to answer this message (a new one, or one stored before a crash but not answered). */
        boolean botAnswers(boolean reportChosen) {
            if (status == null || echo.isPresent() && echo.get().isAnswered()) {
                return false;
            }
            return status == Conversation.Status.OPEN
                    || status == Conversation.Status.HANDOFF_PENDING && (botWhileWaiting || reportChosen);
        }
    }

    /** Label of the quick reply the visitor picked, looked up in the latest bot offers. */
    String labelOf(UUID conversationId, String action) {
        for (ChatEvent offer : events.findByConversationIdAndSenderAndQuickRepliesIsNotNullOrderBySeqDesc(
                conversationId, "bot", Limit.of(20))) {
            for (Map<String, Object> reply : json.readValue(offer.quickReplies(), LIST)) {
                if (action.equals(reply.get("action")) && reply.get("label") instanceof String label) {
                    return label;
                }
            }
        }
        return action;
    }

    private static final String EVENT_COLUMNS_OF_E = "e.id, e.conversation_id, e.seq, e.type, e.sender, e.text, "
            + "e.client_message_id, e.ref_client_message_id, e.action, e.quick_replies, e.card, e.answered, "
            + "e.sender_name, e.created_at";

    private static ChatEvent event(java.sql.ResultSet rs, int from) throws java.sql.SQLException {
        int i = from;
        return ChatEvent.row(rs.getLong(i), rs.getObject(i + 1, UUID.class), rs.getLong(i + 2), rs.getString(i + 3),
                rs.getString(i + 4), rs.getString(i + 5), rs.getString(i + 6), rs.getString(i + 7), rs.getString(i + 8),
                rs.getString(i + 9), rs.getString(i + 10), rs.getBoolean(i + 11), rs.getString(i + 12),
                instant(rs.getObject(i + 13, OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    List<ChatEvent> all(UUID conversationId) {
        return events.findByConversationIdOrderBySeq(conversationId);
    }

    public List<EventView> after(UUID conversationId, long afterSeq, int limit) {
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
            return append(event, false);
        }

        /** {@code answered}: a visitor echo stored together with its answer (one statement instead of two). */
        ChatEvent append(NewEvent event, boolean answered) {
            // Milliseconds: what the database keeps, so a live event and its replay are the same JSON.
            var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            ChatEvent stored = new ChatEvent(conversation.id(), conversation.nextSeq(now), event, now, answered);
            jdbc.update(INSERT, stored.columns());
            toSend.add(stored);
            return stored;
        }

        /** Sends an already stored event again (answer to a retried message), without a new seq. */
        void resend(ChatEvent stored) {
            toSend.add(stored);
        }

        /** One plain statement in the batch's transaction, by the echo's seq (inserted without reading its id back). */
        void markAnswered(ChatEvent echo) {
            jdbc.update("UPDATE chat_event SET answered = TRUE WHERE conversation_id = ? AND seq = ?",
                    conversation.id(), echo.seq());
        }

        /** Stored echo of a visitor message, if this clientMessageId was seen before. */
        Optional<ChatEvent> echoOf(String clientMessageId) {
            return Optional.ofNullable(jdbc.query("SELECT " + EVENT_COLUMNS_OF_E + " FROM chat_event e "
                            + "WHERE e.conversation_id = ? AND e.client_message_id = ?",
                    rs -> rs.next() ? event(rs, 1) : null, conversation.id(), clientMessageId));
        }

        /** A stored agent message with this clientMessageId, if the agent sent it before. */
        Optional<ChatEvent> agentMessageOf(String clientMessageId) {
            return events.findFirstByConversationIdAndSenderAndRefClientMessageId(conversation.id(), "agent",
                    clientMessageId);
        }

        List<ChatEvent> all() {
            return events.findByConversationIdOrderBySeq(conversation.id());
        }

        /** Label of the quick reply the visitor picked, looked up in the latest bot offers. */
        String labelOf(String action) {
            return EventLog.this.labelOf(conversation.id(), action);
        }
    }

    private static final String INSERT = "INSERT INTO chat_event (conversation_id, seq, type, sender, text, "
            + "client_message_id, ref_client_message_id, action, quick_replies, card, answered, sender_name, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
}
