package cn.invoicehelp.chat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs the turns of one conversation one after the other (echo, then the bot's answer, then the next message) on a
 * shared pool, so a slow assistant never blocks the STOMP inbound threads or other conversations.
 */
@Component
class ConversationQueues implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationQueues.class);

    private final ChatProperties properties;
    private final Map<UUID, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
    private volatile ExecutorService pool;

    ConversationQueues(ChatProperties properties) {
        this.properties = properties;
        this.pool = newPool();
    }

    private ExecutorService newPool() {
        return Executors.newFixedThreadPool(properties.workers(),
                new org.springframework.scheduling.concurrent.CustomizableThreadFactory("chat-turn-"));
    }

    void submit(UUID conversationId, Runnable task) {
        CompletableFuture<Void> next = tails.compute(conversationId, (id, tail) ->
                (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
                        .handleAsync((ignored, failure) -> {
                            run(id, task);
                            return null;
                        }, pool));
        next.whenComplete((ignored, failure) -> tails.remove(conversationId, next));
    }

    private static void run(UUID conversationId, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("Chat turn failed in conversation {}", conversationId, e);
        }
    }

    private volatile boolean running;

    /** A stopped context can be started again (tests pause cached contexts): it then needs a fresh pool. */
    @Override
    public synchronized void start() {
        if (pool.isShutdown()) {
            pool = newPool();
        }
        running = true;
    }

    /** Lets turns already accepted finish while the database is still there. */
    @Override
    public synchronized void stop() {
        running = false;
        pool.shutdown();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
