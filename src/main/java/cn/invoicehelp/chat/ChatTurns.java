package cn.invoicehelp.chat;

import cn.invoicehelp.assistant.Card;
import cn.invoicehelp.escalation.HandoffRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One visitor message: checked, echoed once (retries with the same clientMessageId are answered with the stored
 * echo), then answered by the bot, unless the conversation waits for a person. Every event is stored before it is sent.
 */
@Service
class ChatTurns {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ChatTurns.class);

    static final String REPORT = "report";
    static final String SLOW_DOWN = "您发送得太快了，请稍等几秒再发送。";
    static final String HANDOFF_NOTICE = "您的问题已转交人工客服，工作人员会在这里回复您，请稍候。您可以继续补充说明。";

    private final EventLog log;
    private final EventSender sender;
    private final AssistantGateway assistant;
    private final RateLimiter limiter;
    private final ConversationQueues queues;
    private final ApplicationEventPublisher publisher;
    private final JsonMapper json;
    private final int maxTextLength;
    private final Clock clock;

    ChatTurns(EventLog log, EventSender sender, AssistantGateway assistant, RateLimiter limiter,
              ConversationQueues queues, ApplicationEventPublisher publisher, JsonMapper json,
              ChatProperties properties, Clock clock) {
        this.log = log;
        this.sender = sender;
        this.assistant = assistant;
        this.limiter = limiter;
        this.queues = queues;
        this.publisher = publisher;
        this.json = json;
        this.maxTextLength = properties.maxTextLength();
        this.clock = clock;
    }

    /**
     * Handles one SEND frame; returns at once, the turn runs in the conversation's queue. {@code client} is the
     * sender's address from the WebSocket handshake (the bot's invoice lookups count against it).
     */
    void receive(UUID conversationId, String client, byte[] payload) {
        IncomingMessage message = IncomingMessage.parse(payload, json, maxTextLength);
        if (!limiter.tryMessage(conversationId)) {
            queues.submit(conversationId, () -> reject(conversationId, message.clientMessageId(), SLOW_DOWN));
        } else if (!message.valid()) {
            queues.submit(conversationId, () -> reject(conversationId, message.clientMessageId(), message.error()));
        } else {
            queues.submit(conversationId, () -> turn(conversationId, client, message));
        }
    }

    /** Sends an error event (stored, with a seq); a client that keeps flooding stops getting them. */
    void reject(UUID conversationId, String clientMessageId, String text) {
        if (limiter.tryError(conversationId)) {
            sender.sendStored(conversationId, () -> log.append(conversationId,
                    locked -> locked.append(NewEvent.error(text, clientMessageId))));
        }
    }

    /**
     * One visitor message. Usually one group commit: the assistant works out its answer first (the conversation's
     * turns run one at a time, and the forecast says the bot will answer), then echo, answered mark, replies and the
     * assistant's state are stored in one batch and sent together, echo first. The batch decides again under the
     * row lock (a resend, a hand-off that started meanwhile); if it fails — e.g. the assistant's state changed since
     * the answer read it — nothing of it is stored and the turn falls back to two steps: echo, then a fresh answer.
     */
    private void turn(UUID conversationId, String client, IncomingMessage message) {
        sender.inOrder(conversationId, () -> {
            turnInOrder(conversationId, client, message);
            return null;
        });
    }

    private void turnInOrder(UUID conversationId, String client, IncomingMessage message) {
        EventLog.Forecast forecast = log.forecast(conversationId, message.clientMessageId());
        String action = forecast.echo().map(ChatEvent::action).orElse(message.action());
        AssistantGateway.Answer early = null;
        if (forecast.botAnswers(REPORT.equals(action))) {
            String text = forecast.echo().map(ChatEvent::text).orElse(message.text());
            early = assistant.reply(conversationId, action == null ? text : null, action, client);
        }
        String label = forecast.echo().isEmpty() && message.action() != null
                ? log.labelOf(conversationId, message.action()) : null;
        Question question = new Question();
        question.client = client;
        List<EventView> stored;
        try {
            stored = echoAndAnswer(conversationId, message, label, early, question);
        } catch (RuntimeException e) {
            if (early == null) {
                throw e;
            }
            LOG.debug("One-step turn of conversation {} not stored, answering in two steps", conversationId, e);
            stored = echoAndAnswer(conversationId, message, label, null, question);
        }
        if (question.answeredWith != null) {
            // Echo and replies in one burst; a typing hint between them would be shown for no time at all.
            sender.send(conversationId, stored);
        } else {
            sender.send(conversationId, stored);
            if (question.echo != null) {
                sender.send(conversationId, List.of(EventView.typing("bot", clock.instant())));
                answer(conversationId, question);
            }
        }
    }

    /**
     * Stores the echo (or resends it) and, when the bot answers and {@code early} is given, the answer with it;
     * otherwise fills in {@code question} for a second step.
     */
    private List<EventView> echoAndAnswer(UUID conversationId, IncomingMessage message, String label,
                                          AssistantGateway.Answer early, Question question) {
        return log.append(conversationId, locked -> {
            question.echo = null;
            question.answeredWith = null;
            Optional<ChatEvent> seen = locked.echoOf(message.clientMessageId());
            if (seen.isPresent() && seen.get().isAnswered()) {
                locked.resend(seen.get());
                return;
            }
            String action = seen.map(ChatEvent::action).orElse(message.action());
            // While waiting, the visitor may leave a message through the report flow instead (offered out of hours);
            // from that choice on the bot answers until a person takes over.
            boolean reportWhileWaiting = locked.conversation.botAnswersWhileWaiting(REPORT.equals(action));
            boolean botAnswers = !locked.conversation.handoffPending() || reportWhileWaiting;
            boolean answerNow = botAnswers && early != null;
            ChatEvent echo;
            if (seen.isPresent()) {
                echo = seen.get();
                locked.resend(echo);
                if (!botAnswers || answerNow) {
                    locked.markAnswered(echo);
                }
            } else {
                String text = message.action() == null ? message.text()
                        : label != null ? label : locked.labelOf(message.action());
                echo = locked.append(NewEvent.userMessage(text, message.clientMessageId(), message.action()),
                        !botAnswers || answerNow);
            }
            if (!botAnswers) {
                if (locked.conversation.takeHandoffNotice()) {
                    locked.append(NewEvent.system("message", HANDOFF_NOTICE, null));
                }
                return;
            }
            if (answerNow) {
                storeReplies(locked, early);
                question.answeredWith = early;
                return;
            }
            // New message, or one stored before a crash but never answered: the bot answers it (once).
            question.whileWaiting = reportWhileWaiting;
            question.echo = echo;
            question.text = echo.action() == null ? echo.text() : null;
            question.action = echo.action();
        });
    }

    private void answer(UUID conversationId, Question question) {
        AssistantGateway.Answer answer = assistant.reply(conversationId, question.text, question.action,
                question.client);
        List<EventView> stored;
        try {
            stored = store(conversationId, question, answer);
        } catch (RuntimeException e) {
            // Neither the replies nor the assistant's state were stored: apologise, leave the question unanswered
            // (sending it again asks the bot again).
            LOG.warn("Bot turn of conversation {} could not be stored", conversationId, e);
            stored = log.append(conversationId, locked -> locked.append(
                    NewEvent.system("message", AssistantGateway.UNAVAILABLE, null)));
        }
        sender.send(conversationId, stored);
    }

    private List<EventView> store(UUID conversationId, Question question, AssistantGateway.Answer answer) {
        return log.append(conversationId, locked -> {
            if (locked.conversation.handoffPending()
                    && !(question.whileWaiting && locked.conversation.waitingForAgent())) {
                // A person took over while the bot was thinking: no double talk.
                answer.remember();
                locked.markAnswered(question.echo);
                return;
            }
            locked.markAnswered(question.echo);
            storeReplies(locked, answer);
        });
    }

    /** The assistant's state and unanswered questions commit with the answered mark and the replies. */
    private void storeReplies(EventLog.Locked locked, AssistantGateway.Answer answer) {
        answer.remember();
        NewEvent handoff = null;
        for (NewEvent reply : answer.events()) {
            locked.append(reply);
            if ("handoff".equals(reply.type()) && handoff == null) {
                handoff = reply;
            }
        }
        if (handoff != null && !locked.conversation.handoffPending()) {
            locked.conversation.handoffRequested();
            publisher.publishEvent(handoffRequested(locked, handoff));
        }
    }

    private HandoffRequested handoffRequested(EventLog.Locked locked, NewEvent handoff) {
        List<HandoffRequested.Line> transcript = locked.all().stream()
                .filter(e -> !"error".equals(e.type()) && !"typing".equals(e.type()) && e.text() != null)
                .map(e -> new HandoffRequested.Line(e.sender(), e.text(), e.createdAt()))
                .toList();
        Card.Handoff card = log.card(handoff.cardJson()) instanceof Card.Handoff h ? h : new Card.Handoff(null, null, null);
        return new HandoffRequested(locked.conversation.id(), card.reason(), card.stepsDone(), card.slots(),
                transcript, locked.conversation.pageUrl(), clock.instant());
    }

    /** What the bot is asked, filled in inside the transaction. */
    private static final class Question {
        String client;
        ChatEvent echo;
        AssistantGateway.Answer answeredWith;
        boolean whileWaiting;
        String text;
        String action;
    }
}
