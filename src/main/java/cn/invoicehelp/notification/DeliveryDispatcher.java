package cn.invoicehelp.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends what the outbox holds and is due: right after a stage change, then on a timer for retries. A failed send
 * waits (1 min, 2 min, 4 min … at most 1 h by default) and is marked FAILED after the last attempt. The error kept
 * for admins has contacts masked; contacts never reach the log.
 *
 * <p>Several senders may run at once — the timer and a trigger after a commit in one process, and every node of a
 * cluster sharing the database: each delivery is claimed in the database before it is sent
 * ({@link Deliveries#claim}), so exactly one of them sends it.
 */
@Component
class DeliveryDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final int BATCH = 50;

    private final Deliveries deliveries;
    private final Subscriptions subscriptions;
    private final Senders senders;
    private final NotificationProperties properties;
    private final TransactionTemplate tx;
    /** One thread for the sends a commit asks for; requests that arrive while one waits are merged into it. */
    private final ExecutorService soon = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "notification-dispatch");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean requested = new AtomicBoolean();
    private final Clock clock;

    DeliveryDispatcher(Deliveries deliveries, Subscriptions subscriptions, Senders senders,
            NotificationProperties properties, org.springframework.transaction.PlatformTransactionManager transactions,
            Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.senders = senders;
        this.properties = properties;
        // Always its own transactions: it also runs right after a listener's commit, where joining would lose writes.
        // Each claim commits on its own, so the row lock it takes is held for a moment only.
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Sends what is due on the dispatcher's own thread, as soon as it is free. For listeners right after their commit:
     * they still hold their database connection then, and sending in their thread would take a second one for each
     * claim — a burst of stage changes (an incident moving many linked reports) had every connection of the pool held
     * by a listener waiting for another.
     */
    void dispatchSoon() {
        if (requested.compareAndSet(false, true)) {
            soon.execute(() -> {
                requested.set(false);
                try {
                    dispatchDue();
                } catch (RuntimeException e) {
                    log.warn("通知发送出错，稍后由定时任务重试", e);
                }
            });
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        soon.shutdown(); // no interrupt: it would close the embedded database's file channel under a running send
        soon.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Sends every due delivery this sender could claim; returns how many went out. */
    @Scheduled(fixedDelayString = "${helpdesk.notification.dispatch-interval:PT30S}",
            initialDelayString = "${helpdesk.notification.dispatch-interval:PT30S}")
    public int dispatchDue() {
        int sent = 0;
        Instant now = clock.instant();
        List<UUID> due = tx.execute(status -> deliveries.findDue(now, PageRequest.of(0, BATCH)));
        for (UUID id : due) {
            if (attempt(id)) {
                sent++;
            }
        }
        eraseContactsNoLongerNeeded();
        return sent;
    }

    private boolean attempt(UUID id) {
        record Job(Channel channel, String to, String phone, String email, String subject, String text) {
        }
        String claim = UUID.randomUUID().toString();
        Instant claimedAt = clock.instant();
        Integer claimed = tx.execute(status -> deliveries.claim(id, claim, claimedAt,
                claimedAt.plus(properties.claimLease())));
        if (claimed == null || claimed != 1) {
            return false; // another sender has it, or it was sent or cancelled meanwhile
        }
        Job job = tx.execute(status -> {
            Delivery d = deliveries.findById(id).orElse(null);
            if (d == null || !Delivery.PENDING.equals(d.status()) || !claim.equals(d.claimedBy())) {
                return null;
            }
            Subscription s = subscriptions.findById(d.subscriptionId()).orElse(null);
            String to = s == null ? null : d.channel() == Channel.EMAIL ? s.email() : s.phone();
            if (s == null || Subscription.UNSUBSCRIBED.equals(s.status()) || to == null) {
                d.cancel();
                return null;
            }
            return new Job(d.channel(), to, s.phone(), s.email(), d.subject(), d.text());
        });
        if (job == null) {
            return false;
        }
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
        record(id, failure, now);
        if (failure != null) {
            log.warn("通知 {}（{}）发送失败，稍后重试: {}", id, job.channel(), failure);
        }
        return failure == null;
    }

    /** Writes the outcome; an admin's retry may have touched the row meanwhile, then it is read again. */
    private void record(UUID id, String failure, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                tx.executeWithoutResult(status -> deliveries.findById(id).ifPresent(d -> {
                    if (failure == null) {
                        d.sent(now);
                    } else {
                        d.failed(failure, now, properties.firstRetry(), properties.maxRetry(),
                                properties.maxAttempts());
                    }
                }));
                return;
            } catch (org.springframework.dao.OptimisticLockingFailureException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Contacts of ended subscriptions are erased once nothing is left to send to them. */
    private void eraseContactsNoLongerNeeded() {
        try {
            tx.executeWithoutResult(status -> {
                Instant now = clock.instant();
                for (Subscription s : subscriptions.endedWithContacts()) {
                    if (!deliveries.existsBySubscriptionIdAndStatus(s.id(), Delivery.PENDING)) {
                        s.eraseContacts(now);
                    }
                }
            });
        } catch (org.springframework.dao.OptimisticLockingFailureException e) {
            // Another sender erased (or changed) one of them at the same moment; the next run finishes the rest.
        }
    }
}
