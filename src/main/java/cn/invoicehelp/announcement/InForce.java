package cn.invoicehelp.announcement;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * This node's copy of the announcements that have not ended, read again after every change made through this node
 * (once when it is made and once when its transaction commits, so a read in between cannot keep the old list) and at
 * most {@link #MAX_AGE_NANOS} after the last read, so changes made by another node show within a second. Which of them
 * are in force is still decided by the clock at every read. The assistant asks on every turn that mentions an outage;
 * reading the table each time was most of such a turn.
 */
final class InForce {

    static final long MAX_AGE_NANOS = 1_000_000_000L;

    private record Snapshot(List<ActiveAnnouncement> notEnded, long readAt, long generation) {
    }

    private final AtomicLong generation = new AtomicLong();
    private final LongSupplier nanoTime;
    private volatile Snapshot snapshot;

    InForce() {
        this(System::nanoTime);
    }

    InForce(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** In force at {@code now}, the most severe first (newest first among equals). */
    List<ActiveAnnouncement> at(Instant now, Supplier<List<ActiveAnnouncement>> notEndedNewestFirst) {
        Snapshot current = snapshot;
        long generationNow = generation.get();
        if (current == null || current.generation() != generationNow
                || nanoTime.getAsLong() - current.readAt() > MAX_AGE_NANOS) {
            current = new Snapshot(List.copyOf(notEndedNewestFirst.get()), nanoTime.getAsLong(), generationNow);
            snapshot = current;
        }
        return current.notEnded().stream()
                .filter(a -> !a.startsAt().isAfter(now) && (a.endsAt() == null || a.endsAt().isAfter(now)))
                .sorted(Comparator.comparing((ActiveAnnouncement a) -> -a.level().ordinal()))
                .toList();
    }

    /** Announcements or incidents changed: the next read loads them again, and again after the commit. */
    void changed() {
        generation.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    generation.incrementAndGet();
                }
            });
        }
    }
}
