package cn.invoicehelp.chat;

import cn.invoicehelp.assistant.Card;
import cn.invoicehelp.escalation.Agent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What agents do in a conversation: reply (through the same gap-free event log as everything the visitor sees, so
 * replay and reconnect keep working), write private notes (kept apart, never delivered to the visitor), and read
 * the whole record. Who may do so is decided by the caller (the console checks the claim).
 */
@Service
public class AgentDesk {

    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** Bad input from the agent; the message is zh-CN. */
    public static class InvalidMessage extends RuntimeException {
        public InvalidMessage(String message) {
            super(message);
        }
    }

    /** No such conversation. */
    public static class NoSuchConversation extends RuntimeException {
        public NoSuchConversation() {
            super("no such conversation");
        }
    }

    private final EventLog log;
    private final EventSender sender;
    private final Conversations conversations;
    private final ChatNotes notes;
    private final ChatRatings ratings;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int maxTextLength;

    AgentDesk(EventLog log, EventSender sender, Conversations conversations, ChatNotes notes, ChatRatings ratings,
              TransactionTemplate tx, Clock clock, ChatProperties properties) {
        this.log = log;
        this.sender = sender;
        this.conversations = conversations;
        this.notes = notes;
        this.ratings = ratings;
        this.tx = tx;
        this.clock = clock;
        this.maxTextLength = properties.maxTextLength();
    }

    public boolean exists(UUID conversationId) {
        return conversations.existsById(conversationId);
    }

    /**
     * Posts an agent message ({@code internal} false: the visitor gets it as {@code sender:"agent"}) or a private
     * note. Resending the same clientMessageId returns the stored one and sends nothing again.
     */
    public StaffEvent post(UUID conversationId, String clientMessageId, String text, boolean internal, Agent agent) {
        if (clientMessageId == null || !MESSAGE_ID.matcher(clientMessageId).matches()) {
            throw new InvalidMessage("缺少有效的 clientMessageId（1–64 位字母、数字或 -_.: ，建议使用 UUID）。");
        }
        if (text == null || text.isBlank()) {
            throw new InvalidMessage("消息不能为空。");
        }
        if (text.codePointCount(0, text.length()) > maxTextLength) {
            throw new InvalidMessage("消息太长了，请控制在 " + maxTextLength + " 字以内。");
        }
        if (IncomingMessage.hasControlCharacters(text)) {
            throw new InvalidMessage("消息包含无法识别的控制字符，请只发送文字。");
        }
        if (!exists(conversationId)) {
            throw new NoSuchConversation();
        }
        String clean = text.strip();
        return internal ? note(conversationId, clientMessageId, clean, agent)
                : message(conversationId, clientMessageId, clean, agent);
    }

    private StaffEvent message(UUID conversationId, String clientMessageId, String text, Agent agent) {
        ChatEvent[] stored = new ChatEvent[1];
        sender.sendStored(conversationId, () -> log.append(conversationId, locked -> {
            Optional<ChatEvent> seen = locked.agentMessageOf(clientMessageId);
            stored[0] = seen.orElseGet(() -> locked.append(
                    NewEvent.agentMessage(text, clientMessageId, agent.displayName())));
        }));
        return StaffEvent.of(log.view(stored[0]), clientMessageId);
    }

    private StaffEvent note(UUID conversationId, String clientMessageId, String text, Agent agent) {
        // The conversation row lock orders notes with the events around them.
        ChatNote[] saved = new ChatNote[1];
        boolean[] fresh = new boolean[1];
        log.append(conversationId, locked -> {
            saved[0] = notes.findByConversationIdAndClientMessageId(conversationId, clientMessageId).orElseGet(() -> {
                fresh[0] = true;
                return notes.save(new ChatNote(conversationId, locked.conversation.lastSeq(), agent.username(),
                        agent.displayName(), text, clientMessageId, clock.instant()));
            });
        });
        StaffEvent view = saved[0].view();
        if (fresh[0]) {
            sender.sendToStaff(conversationId, view);
        }
        return view;
    }

    /** The whole record for the console: transcript with bot turns and notes, lookups, page, rating. */
    public Optional<ConversationRecord> record(UUID conversationId) {
        return tx.execute(status -> conversations.findById(conversationId).map(c -> {
            List<StaffEvent> events = new ArrayList<>();
            List<ConversationRecord.Lookup> lookups = new ArrayList<>();
            for (ChatEvent e : log.all(conversationId)) {
                EventView view = log.view(e);
                events.add(StaffEvent.of(view, e.clientMessageId()));
                if ("bot".equals(e.sender()) && log.card(e.card()) instanceof Card.Invoice invoice) {
                    lookups.add(new ConversationRecord.Lookup(e.seq(), invoice.result(), invoice.status(),
                            invoice.message(), e.createdAt()));
                }
            }
            notes.findByConversationIdOrderById(conversationId).forEach(n -> events.add(n.view()));
            // Notes go right after the event they followed; stable sort keeps their own order.
            events.sort(Comparator.comparingDouble(e -> e.seq() != null ? e.seq() : e.afterSeq() + 0.5));
            ConversationRecord.Rating rating = ratings.findById(conversationId)
                    .map(r -> new ConversationRecord.Rating(r.score(), r.comment())).orElse(null);
            return new ConversationRecord(conversationId, c.pageUrl(), c.status().name(), c.closedAt(), events,
                    lookups, rating);
        }));
    }
}
