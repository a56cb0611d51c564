package cn.invoicehelp.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone who wants to hear about one fault report or incident. The contacts are kept only while they are needed:
 * unsubscribing, or the report/incident closing and its last message going out, erases them (the masked forms stay).
 */
@Entity
@Table(name = "notification_subscription")
class Subscription {

    static final String ACTIVE = "ACTIVE";
    static final String UNSUBSCRIBED = "UNSUBSCRIBED";
    static final String ENDED = "ENDED";

    @Id
    private UUID id;
    @Column(name = "target_type")
    private String targetType;
    @Column(name = "target_id")
    private String targetId;
    private String phone;
    private String email;
    @Column(name = "phone_masked")
    private String phoneMasked;
    @Column(name = "email_masked")
    private String emailMasked;
    private String token;
    private String status;
    private String source;
    @Column(name = "consent_at")
    private Instant consentAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Column(name = "contacts_erased_at")
    private Instant contactsErasedAt;
    @Version
    private long version;

    protected Subscription() {
    }

    Subscription(TargetType targetType, String targetId, String phone, String email, String token, String source,
            Instant now) {
        this.id = UUID.randomUUID();
        this.targetType = targetType.name();
        this.targetId = targetId;
        this.token = token;
        this.source = source;
        this.status = ACTIVE;
        this.consentAt = now;
        this.createdAt = now;
        addContacts(phone, email);
    }

    /** Subscribing again with another contact adds it; the same contact again changes nothing. */
    boolean addContacts(String phone, String email) {
        boolean changed = false;
        if (phone != null && !phone.equals(this.phone)) {
            this.phone = phone;
            this.phoneMasked = Contacts.maskPhone(phone);
            changed = true;
        }
        if (email != null && !email.equals(this.email)) {
            this.email = email;
            this.emailMasked = Contacts.maskEmail(email);
            changed = true;
        }
        return changed;
    }

    void unsubscribe(Instant now) {
        if (ACTIVE.equals(status)) {
            status = UNSUBSCRIBED;
            endedAt = now;
        }
        eraseContacts(now);
    }

    /** The report or incident is over: the last message still goes out, then the contacts are erased. */
    void end(Instant now) {
        if (ACTIVE.equals(status)) {
            status = ENDED;
            endedAt = now;
        }
    }

    void eraseContacts(Instant now) {
        if (phone != null || email != null) {
            phone = null;
            email = null;
            contactsErasedAt = now;
        }
    }

    UUID id() {
        return id;
    }

    TargetType targetType() {
        return TargetType.valueOf(targetType);
    }

    String targetId() {
        return targetId;
    }

    String phone() {
        return phone;
    }

    String email() {
        return email;
    }

    String phoneMasked() {
        return phoneMasked;
    }

    String emailMasked() {
        return emailMasked;
    }

    String token() {
        return token;
    }

    String status() {
        return status;
    }

    boolean active() {
        return ACTIVE.equals(status);
    }

    Instant createdAt() {
        return createdAt;
    }
}
