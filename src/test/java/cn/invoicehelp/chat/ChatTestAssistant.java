package cn.invoicehelp.chat;

import cn.invoicehelp.assistant.Assistant;
import cn.invoicehelp.assistant.AssistantTurn;
import cn.invoicehelp.assistant.Card;
import cn.invoicehelp.assistant.Reply;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A predictable assistant for the transport tests: echoes text as "收到：…", hands off on the action "handoff".
 * Primary, so the transport tests keep this behaviour even next to the real assistant.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ChatTestAssistant {

    static final Reply.QuickReply HANDOFF = new Reply.QuickReply("转人工", "handoff");
    static final Reply.QuickReply CHECK = new Reply.QuickReply("查验发票", "check");

    @Bean
    @Primary
    EchoAssistant echoAssistant() {
        return new EchoAssistant();
    }

    static class EchoAssistant implements Assistant {

        private final Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();
        private final Map<UUID, String> clients = new ConcurrentHashMap<>();

        @Override
        public List<Reply> greet(UUID conversationId) {
            return List.of(new Reply("message", "您好，请问有什么可以帮您？", List.of(CHECK, HANDOFF), null));
        }

        @Override
        public List<Reply> reply(UUID conversationId, String text, String action, String client) {
            clients.put(conversationId, client);
            calls.computeIfAbsent(conversationId, id -> new AtomicInteger()).incrementAndGet();
            if ("handoff".equals(action)) {
                return List.of(new Reply("handoff", "正在为您转接人工客服。", null,
                        new Card.Handoff("user", List.of("查验发票", "核对销售方"), Map.of("number", "12345678"))));
            }
            if (action != null) {
                return List.of(new Reply("message", "选项：" + action, List.of(HANDOFF), null));
            }
            return List.of(new Reply("message", "收到：" + text, null, null));
        }

        /** Conversations whose turns cannot be remembered (the assistant's write fails) until disarmed. */
        final java.util.Set<UUID> failingMemory = ConcurrentHashMap.newKeySet();
        private final Map<UUID, java.util.List<String>> remembered = new ConcurrentHashMap<>();

        @Override
        public AssistantTurn answer(UUID conversationId, String text, String action, String client) {
            return new AssistantTurn(reply(conversationId, text, action, client),
                    new AssistantTurn.Memory(conversationId, "{}", null, text == null ? List.of() : List.of(text)));
        }

        /** Conversations whose next turn finds its state changed since it was read (once). */
        final java.util.Set<UUID> staleOnce = ConcurrentHashMap.newKeySet();

        @Override
        public void remember(AssistantTurn turn) {
            UUID id = turn.memory().conversationId();
            if (staleOnce.remove(id)) {
                throw new org.springframework.dao.OptimisticLockingFailureException("state changed meanwhile");
            }
            if (failingMemory.contains(id)) {
                throw new IllegalStateException("state store unavailable");
            }
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                throw new IllegalStateException("remembered outside a transaction");
            }
            remembered.computeIfAbsent(id, k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                    .addAll(turn.memory().unanswered());
        }

        /** Texts of the turns whose memory was written, in order. */
        List<String> remembered(UUID conversationId) {
            return remembered.getOrDefault(conversationId, List.of());
        }

        /** The client address the last turn of this conversation came from. */
        String client(UUID conversationId) {
            return clients.get(conversationId);
        }

        int calls(UUID conversationId) {
            AtomicInteger n = calls.get(conversationId);
            return n == null ? 0 : n.get();
        }
    }
}
