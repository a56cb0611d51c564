package cn.invoicehelp.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One message to one subscriber over one channel: the outbox row. It is written in the same transaction that learns
 * about the stage change, so nothing is lost if the application stops before the message goes out; the contact is not
 * copied here (it is read from the subscription when sending).
 */
@Entity
@Table(name = "notification_delivery")
class Delivery {

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";
    static final String CANCELLED = "CANCELLED";

    @Id
    private UUID id;
    @Column(name = "subscription_id")
    private UUID subscriptionId;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Column(name = "event_key")
    private String eventKey;
    private String subject;
    private String text;
    private String status;
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "sent_at")
    private Instant sentAt;
    /** The claim of the sender working on it (see {@link Deliveries#claim}); null when nobody is. */
    @Column(name = "claimed_by")
    private String claimedBy;
    @Column(name = "claimed_until")
    private Instant claimedUntil;
    @Version
    private long version;

    protected Delivery() {
    }

    Delivery(UUID subscriptionId, Channel channel, String eventKey, String subject, String text, Instant now) {
        this.id = UUID.randomUUID();
        this.subscriptionId = subscriptionId;
        this.channel = channel;
        this.eventKey = eventKey;
        this.subject = subject;
        this.text = text;
        this.status = PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    void sent(Instant now) {
        release();
        attempts++;
        status = SENT;
        sentAt = now;
        lastError = null;
    }

    /** Waits firstRetry, then twice as long after each further failure (at most maxRetry); gives up after max. */
    void failed(String error, Instant now, Duration firstRetry, Duration maxRetry, int maxAttempts) {
        release();
        attempts++;
        lastError = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
        if (attempts >= maxAttempts) {
            status = FAILED;
            return;
        }
        Duration wait = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
        nextAttemptAt = now.plus(wait.compareTo(maxRetry) > 0 ? maxRetry : wait);
    }

    /** An admin asks for another try now. */
    void retryNow(Instant now) {
        if (FAILED.equals(status) || PENDING.equals(status)) {
            status = PENDING;
            nextAttemptAt = now;
        }
    }

    void cancel() {
        release();
        if (PENDING.equals(status)) {
            status = CANCELLED;
        }
    }

    private void release() {
        claimedBy = null;
        claimedUntil = null;
    }

    String claimedBy() {
        return claimedBy;
    }

    UUID id() {
        return id;
    }

    UUID subscriptionId() {
        return subscriptionId;
    }

    Channel channel() {
        return channel;
    }

    String eventKey() {
        return eventKey;
    }

    String subject() {
        return subject;
    }

    String text() {
        return text;
    }

    String status() {
        return status;
    }

    int attempts() {
        return attempts;
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    String lastError() {
        return lastError;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant sentAt() {
        return sentAt;
    }
}
