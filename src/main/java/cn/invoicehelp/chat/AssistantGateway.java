package cn.invoicehelp.chat;

import cn.invoicehelp.assistant.Assistant;
import cn.invoicehelp.assistant.AssistantTurn;
import cn.invoicehelp.assistant.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Calls the assistant and turns its replies into log events. A failing (or missing) assistant never breaks the
 * transport: the visitor gets a polite system message instead and may ask again.
 */
@Component
class AssistantGateway {

    static final String UNAVAILABLE = "抱歉，智能助手暂时无法回答，请稍后再试，或输入“人工”联系客服。";
    private static final String GREETING = "您好！欢迎来到北京发票自助服务中心，请描述您遇到的问题。";
    private static final Logger LOG = LoggerFactory.getLogger(AssistantGateway.class);

    private final ObjectProvider<Assistant> assistant;
    private final EventLog log;

    AssistantGateway(ObjectProvider<Assistant> assistant, EventLog log) {
        this.assistant = assistant;
        this.log = log;
    }

    List<Reply> greet(UUID conversationId) {
        try {
            Assistant bot = assistant.getIfAvailable();
            if (bot != null) {
                return bot.greet(conversationId);
            }
        } catch (RuntimeException e) {
            LOG.warn("Assistant failed to greet conversation {}", conversationId, e);
        }
        return List.of(new Reply("message", GREETING, null, null));
    }

    /**
     * The bot's replies, or a system apology (type "message", sender "system") when it cannot answer; nothing is
     * stored yet: the caller appends the events and calls {@link #remember} in one transaction.
     */
    Answer reply(UUID conversationId, String text, String action, String client) {
        try {
            Assistant bot = assistant.getIfAvailable();
            if (bot != null) {
                AssistantTurn turn = bot.answer(conversationId, text, action, client);
                return new Answer(turn.replies().stream().map(this::toEvent).toList(), bot, turn);
            }
        } catch (RuntimeException e) {
            LOG.warn("Assistant failed to answer conversation {}", conversationId, e);
        }
        return new Answer(List.of(NewEvent.system("message", UNAVAILABLE, null)), null, null);
    }

    /** The events of one bot turn and what the assistant keeps of it. */
    record Answer(List<NewEvent> events, Assistant bot, AssistantTurn turn) {

        /** Writes the assistant's state and unanswered questions; call inside the transaction of the events. */
        void remember() {
            if (bot != null && turn != null) {
                bot.remember(turn);
            }
        }
    }

    NewEvent toEvent(Reply reply) {
        String type = reply.type() == null || reply.type().isBlank() ? "message" : reply.type();
        return new NewEvent(type, "bot", reply.text(), null, false, null,
                reply.quickReplies() == null || reply.quickReplies().isEmpty() ? null : log.toJson(reply.quickReplies()),
                log.toJson(reply.card()));
    }
}
