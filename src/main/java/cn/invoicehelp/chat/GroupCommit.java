package cn.invoicehelp.chat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Group commit of the event log: a writer thread takes every append waiting at that moment (from all conversations)
 * and runs them in one transaction, so a burst of turns costs one durable commit instead of one each. When a slot is
 * free the caller runs the batch itself (its own append and whatever waits), saving the hand-offs to a writer thread
 * and back; otherwise its append waits for the next batch. A second writer
 * ({@code helpdesk.chat.commit-writers}, default 2) lets the next batch fill and run while one commits.
 * Callers block until their batch has committed and only then send its events: durable before sent. Each append still
 * takes its conversation's row lock inside the batch, so seqs stay gap-free and several nodes may share one database.
 * If a batch fails, its appends are retried one by one, so one bad append never takes the others down.
 */
@Component
class GroupCommit implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    static final int MAX_BATCH = 128;

    /** Put in the queue by {@link #stop()}: the writer commits what came before it, then ends (no interrupt, which
     * would close the database's file channel under it). */
    private static final Append<Void> STOP = new Append<>(null, ignored -> null);

    private final TransactionTemplate tx;
    private final int writerCount;
    private final BlockingQueue<Append<?>> queue = new LinkedBlockingQueue<>();
    /** One per writer: at most that many batches run at once, whether a writer or a caller runs them. */
    private final Semaphore slots;
    /** Set while this thread runs a batch: an append it makes meanwhile joins that transaction. */
    private static final ThreadLocal<Boolean> IN_BATCH = new ThreadLocal<>();
    private volatile List<Thread> writers = List.of();

    GroupCommit(TransactionTemplate tx, @Value("${helpdesk.chat.commit-writers:2}") int writerCount) {
        this.tx = tx;
        this.writerCount = Math.max(1, writerCount);
        this.slots = new Semaphore(this.writerCount, true);
    }

    /** Runs {@code work} inside the next batch's transaction; returns its result once that batch has committed. */
    <T> T run(UUID conversationId, Function<Void, T> work) {
        List<Thread> current = writers;
        if (current.isEmpty() || current.contains(Thread.currentThread()) || IN_BATCH.get() != null) {
            // Not running (start-up, shutdown) or called back from inside a batch: a transaction of its own (or the
            // batch's, which it joins).
            return tx.execute(status -> work.apply(null));
        }
        Append<T> append = new Append<>(conversationId, work);
        if (!TransactionSynchronizationManager.isActualTransactionActive() && freeSlot()) {
            // No batch is running in this slot (writers waiting for one go first): the caller commits itself, with
            // whatever else is waiting — two thread hand-offs fewer when the chat is not busy. Not from inside a
            // transaction of the caller's: the batch would join it and its events be sent before that one commits.
            try {
                runBatch(append);
            } finally {
                slots.release();
            }
        } else {
            queue.add(append);
        }
        if (writers != current && queue.remove(append)) {
            return tx.execute(status -> work.apply(null)); // the writer stopped meanwhile
        }
        try {
            return append.done.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /** A slot nobody runs a batch in and no writer waits for (a fair semaphore's timed try does not barge). */
    private boolean freeSlot() {
        try {
            return slots.tryAcquire(0, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void runBatch(Append<?> own) {
        List<Append<?>> batch = new ArrayList<>(MAX_BATCH);
        batch.add(own);
        queue.drainTo(batch, MAX_BATCH - 1);
        int stops = 0;
        while (batch.remove(STOP)) {
            stops++;
        }
        IN_BATCH.set(Boolean.TRUE);
        try {
            commitOrFail(batch);
        } finally {
            IN_BATCH.remove();
            for (int i = 0; i < stops; i++) {
                queue.add(STOP); // a writer's
            }
        }
    }

    private void loop() {
        List<Append<?>> batch = new ArrayList<>(MAX_BATCH);
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
                slots.acquire();
            } catch (InterruptedException e) {
                batch.forEach(a -> a.done.completeExceptionally(e));
                return;
            }
            try {
                queue.drainTo(batch, MAX_BATCH - 1);
                stopping = batch.remove(STOP);
                while (batch.remove(STOP)) {
                    queue.add(STOP); // another writer's
                }
                if (!batch.isEmpty()) {
                    commitOrFail(batch);
                }
            } finally {
                slots.release();
                batch.clear();
            }
        }
    }

    private void commitOrFail(List<Append<?>> batch) {
        try {
            commit(batch);
        } catch (RuntimeException | Error unexpected) {
            batch.forEach(a -> a.done.completeExceptionally(unexpected));
            LOG.error("Group commit failed", unexpected);
        }
    }

    private void commit(List<Append<?>> batch) {
        // Row locks in one order (a stable sort keeps each conversation's appends in submission order).
        batch.sort(Comparator.comparing((Append<?> a) -> a.conversationId));
        try {
            tx.executeWithoutResult(status -> batch.forEach(Append::apply));
            batch.forEach(Append::complete);
        } catch (RuntimeException failed) {
            if (batch.size() == 1) {
                batch.get(0).done.completeExceptionally(failed);
                return;
            }
            LOG.debug("Batch of {} appends failed, retrying them one by one", batch.size(), failed);
            for (Append<?> append : batch) {
                try {
                    tx.executeWithoutResult(status -> append.apply());
                    append.complete();
                } catch (RuntimeException e) {
                    append.done.completeExceptionally(e);
                }
            }
        }
    }

    private static final class Append<T> {
        final UUID conversationId;
        final Function<Void, T> work;
        final CompletableFuture<T> done = new CompletableFuture<>();
        T result;

        Append(UUID conversationId, Function<Void, T> work) {
            this.conversationId = conversationId;
            this.work = work;
        }

        void apply() {
            result = work.apply(null);
        }

        void complete() {
            done.complete(result);
        }
    }

    @Override
    public synchronized void start() {
        if (writers.isEmpty()) {
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < writerCount; i++) {
                Thread thread = new Thread(this::loop, "chat-group-commit-" + i);
                thread.setDaemon(true);
                threads.add(thread);
            }
            writers = List.copyOf(threads);
            threads.forEach(Thread::start);
        }
    }

    /** Stops after the chat's turn queues (lower phase), committing whatever is still waiting. */
    @Override
    public synchronized void stop() {
        List<Thread> threads = writers;
        writers = List.of();
        threads.forEach(thread -> queue.add(STOP));
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Append<?> left;
        while ((left = queue.poll()) != null) {
            if (left != STOP) {
                commit(new ArrayList<>(List.of(left)));
            }
        }
    }

    @Override
    public boolean isRunning() {
        return !writers.isEmpty();
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1000;
    }
}
