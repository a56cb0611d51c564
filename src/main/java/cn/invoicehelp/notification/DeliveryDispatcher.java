package cn.invoicehelp.notification;

import org.slf4j.Logger;
import org.springframework.dao.OptimisticLockingFailureException;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends what the outbox holds and is due: right after a stage change, then on a timer for retries. A failed send
 * waits (1 min, 2 min, 4 min … at most 1 h by default) and is marked FAILED after the last attempt. The error kept
 * for admins has contacts masked; contacts never reach the log.
 */
@Component
class DeliveryDispatcher {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final int BATCH = 50;

    private final Deliveries deliveries;
    private final Subscriptions subscriptions;
    private final Senders senders;
    private final NotificationProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    /** One dispatch at a time in this process, so a row is never sent twice by the timer and a trigger at once. */
    private final ReentrantLock running = new ReentrantLock();
    /** How long a claimed delivery is left to the node that claimed it before another may retry it. */
    static final Duration CLAIM = Duration.ofMinutes(5);

    DeliveryDispatcher(Deliveries deliveries, Subscriptions subscriptions, Senders senders,
            NotificationProperties properties, org.springframework.transaction.PlatformTransactionManager transactions,
            Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.senders = senders;
        this.properties = properties;
        // Always its own transactions: it also runs right after a listener's commit, where joining would lose writes.
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Sends every due delivery; returns how many went out. */
    @Scheduled(fixedDelayString = "${helpdesk.notification.dispatch-interval:PT30S}",
            initialDelayString = "${helpdesk.notification.dispatch-interval:PT30S}")
    public int dispatchDue() {
        running.lock();
        try {
            int sent = 0;
            Instant now = clock.instant();
            List<UUID> due = tx.execute(status -> deliveries.findByStatusAndNextAttemptAtLessThanEqualOrderByNextAttemptAt(
                    Delivery.PENDING, now, Limit.of(BATCH)).stream().map(Delivery::id).toList());
            for (UUID id : due) {
                if (attempt(id)) {
                    sent++;
                }
            }
            eraseContactsNoLongerNeeded();
            return sent;
        } finally {
            running.unlock();
        }
    }

    private boolean attempt(UUID id) {
        Job job;
        try {
            job = tx.execute(status -> claim(id));
        } catch (OptimisticLockingFailureException taken) {
            return false; // another node's dispatcher claimed it at the same moment and sends it
        }
        if (job == null) {
            return false;
        }
        return send(id, job);
    }

    private record Job(Channel channel, String to, String phone, String email, String subject, String text) {
    }

    /** Reads what to send and claims the delivery for this dispatcher ({@link Delivery#claim}). */
    private Job claim(UUID id) {
        Instant now = clock.instant();
        Delivery d = deliveries.findById(id).orElse(null);
        if (d == null || !Delivery.PENDING.equals(d.status()) || d.nextAttemptAt().isAfter(now)) {
            return null;
        }
        Subscription s = subscriptions.findById(d.subscriptionId()).orElse(null);
        String to = s == null ? null : d.channel() == Channel.EMAIL ? s.email() : s.phone();
        if (s == null || Subscription.UNSUBSCRIBED.equals(s.status()) || to == null) {
            d.cancel();
            return null;
        }
        d.claim(now.plus(CLAIM));
        return new Job(d.channel(), to, s.phone(), s.email(), d.subject(), d.text());
    }

    private boolean send(UUID id, Job job) {
        String error = null;
        try {
            if (job.channel() == Channel.EMAIL) {
                senders.email(job.to(), job.subject(), job.text());
            } else {
                senders.sms(job.to(), job.text());
            }
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            error = Contacts.scrub(message, job.phone(), job.email());
        }
        String failure = error;
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> deliveries.findById(id).ifPresent(d -> {
            if (failure == null) {
                d.sent(now);
            } else {
                d.failed(failure, now, properties.firstRetry(), properties.maxRetry(), properties.maxAttempts());
            }
        }));
        if (failure != null) {
            log.warn("通知 {}（{}）发送失败，稍后重试: {}", id, job.channel(), failure);
        }
        return failure == null;
    }

    /** Contacts of ended subscriptions are erased once nothing is left to send to them. */
    private void eraseContactsNoLongerNeeded() {
        tx.executeWithoutResult(status -> {
            Instant now = clock.instant();
            for (Subscription s : subscriptions.endedWithContacts()) {
                if (!deliveries.existsBySubscriptionIdAndStatus(s.id(), Delivery.PENDING)) {
                    s.eraseContacts(now);
                }
            }
        });
    }
}
