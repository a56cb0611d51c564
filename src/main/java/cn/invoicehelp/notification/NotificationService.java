package cn.invoicehelp.notification;

import cn.invoicehelp.announcement.IncidentDesk;
import cn.invoicehelp.escalation.TrackingNumbers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** Subscribing, unsubscribing and queueing messages for the subscribers of a report or incident. */
@Service
class NotificationService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final IncidentDesk incidents;
    private final cn.invoicehelp.announcement.AnnouncementBoard announcements;
    private final NotificationProperties properties;
    private final Clock clock;

    NotificationService(Subscriptions subscriptions, Deliveries deliveries, IncidentDesk incidents,
            cn.invoicehelp.announcement.AnnouncementBoard announcements, NotificationProperties properties,
            Clock clock) {
        this.announcements = announcements;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.incidents = incidents;
        this.properties = properties;
        this.clock = clock;
    }

    /** The JSON body of a subscription request. */
    record Form(String targetType, String targetId, String phone, String email, Boolean consent, String source) {
    }

    record Result(SubscriptionView subscription, boolean created) {
    }

    /** Subscribes; the same target and contact again returns the existing subscription (one subscription). */
    @Transactional
    Result subscribe(Form form) {
        List<NotificationException.FieldError> errors = new ArrayList<>();
        if (form == null) {
            throw new NotificationException.Invalid(List.of(new NotificationException.FieldError("targetType",
                    "请提交订阅信息")));
        }
        TargetType type = null;
        try {
            type = TargetType.valueOf(String.valueOf(form.targetType()).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new NotificationException.FieldError("targetType",
                    "订阅对象类型必须是 REPORT（故障报告）、INCIDENT（故障）或 ANNOUNCEMENT（维护公告）"));
        }
        String targetId = form.targetId() == null ? "" : form.targetId().strip().toUpperCase(Locale.ROOT);
        if (type == TargetType.REPORT) {
            targetId = TrackingNumbers.normalise(targetId).orElse(targetId);
            if (!TrackingNumbers.isValid(targetId)) {
                errors.add(new NotificationException.FieldError("targetId",
                        "故障报告编号格式不对（BJ 开头的 17 位编号，例如 BJ2503100K7QM2X1S），或有一位抄错了"));
            }
        }
        if (type == TargetType.INCIDENT && !(targetId.matches("\\d{1,18}") && incidents.isOpen(Long.parseLong(targetId)))) {
            errors.add(new NotificationException.FieldError("targetId", "没有找到这起故障，或故障已经结束"));
        }
        if (type == TargetType.ANNOUNCEMENT && !(targetId.matches("\\d{1,18}")
                && announcements.isUpcomingOrActive(Long.parseLong(targetId)))) {
            errors.add(new NotificationException.FieldError("targetId", "没有找到这条公告，或公告已经结束"));
        }
        boolean phoneGiven = form.phone() != null && !form.phone().isBlank();
        boolean emailGiven = form.email() != null && !form.email().isBlank();
        String phone = Contacts.phone(form.phone());
        String email = Contacts.email(form.email());
        if (!phoneGiven && !emailGiven) {
            errors.add(new NotificationException.FieldError("phone", "请填写手机号或邮箱（至少一项）"));
        }
        if (phoneGiven && phone == null) {
            errors.add(new NotificationException.FieldError("phone", "手机号格式不对，请填写 11 位中国大陆手机号，例如 13800001234"));
        }
        if (emailGiven && email == null) {
            errors.add(new NotificationException.FieldError("email", "邮箱格式不对，例如 name@example.com"));
        }
        if (!Boolean.TRUE.equals(form.consent())) {
            errors.add(new NotificationException.FieldError("consent",
                    "请先同意：您的手机号/邮箱仅用于发送本次故障的进展通知，故障结束或退订后即删除"));
        }
        if (!errors.isEmpty()) {
            throw new NotificationException.Invalid(errors);
        }
        Instant now = clock.instant();
        for (Subscription existing : subscriptions.findByTargetTypeAndTargetIdAndStatus(type.name(), targetId,
                Subscription.ACTIVE)) {
            if ((phone != null && phone.equals(existing.phone())) || (email != null && email.equals(existing.email()))) {
                existing.addContacts(phone, email);
                return new Result(SubscriptionView.of(existing, properties.baseUrl(), true), false);
            }
        }
        Subscription created = subscriptions.save(new Subscription(type, targetId, phone, email, token(),
                source(form.source()), now));
        return new Result(SubscriptionView.of(created, properties.baseUrl(), true), true);
    }

    /** Unsubscribes and erases the contacts at once; pending messages are dropped. Twice is fine. */
    @Transactional
    SubscriptionView unsubscribe(String token) {
        Subscription s = subscriptions.findByToken(token == null ? "" : token.strip())
                .orElseThrow(() -> new NotificationException.NotFound("退订链接无效或已过期。"));
        s.unsubscribe(clock.instant());
        deliveries.findBySubscriptionIdAndStatus(s.id(), Delivery.PENDING).forEach(Delivery::cancel);
        return SubscriptionView.of(s, properties.baseUrl(), false);
    }

    @Transactional(readOnly = true)
    SubscriptionView byToken(String token) {
        return subscriptions.findByToken(token == null ? "" : token.strip())
                .map(s -> SubscriptionView.of(s, properties.baseUrl(), false))
                .orElseThrow(() -> new NotificationException.NotFound("退订链接无效或已过期。"));
    }

    /**
     * Queues one message per channel for every active subscriber of the target (in the caller's transaction: the
     * outbox). {@code eventKey} makes a repeated event queue nothing new. {@code last} ends the subscriptions.
     */
    @Transactional
    int enqueue(TargetType type, String targetId, String eventKey, Message message, boolean last) {
        Instant now = clock.instant();
        int queued = 0;
        for (Subscription s : subscriptions.findByTargetTypeAndTargetIdAndStatus(type.name(), targetId,
                Subscription.ACTIVE)) {
            String unsubscribe = properties.baseUrl() + "/notifications/unsubscribe?token=" + s.token();
            if (s.email() != null && !deliveries.existsBySubscriptionIdAndChannelAndEventKey(s.id(), Channel.EMAIL,
                    eventKey)) {
                deliveries.save(new Delivery(s.id(), Channel.EMAIL, eventKey, message.subject(),
                        message.emailText() + "\n\n不想再收到此类通知？点击退订：" + unsubscribe, now));
                queued++;
            }
            if (s.phone() != null && !deliveries.existsBySubscriptionIdAndChannelAndEventKey(s.id(), Channel.SMS,
                    eventKey)) {
                deliveries.save(new Delivery(s.id(), Channel.SMS, eventKey, null,
                        message.smsText() + " 退订：" + unsubscribe, now));
                queued++;
            }
            if (last) {
                s.end(now);
            }
        }
        return queued;
    }

    /** An admin asks for another attempt now. */
    @Transactional
    void retryNow(java.util.UUID deliveryId) {
        deliveries.findById(deliveryId).orElseThrow(() -> new NotificationException.NotFound("没有这条通知记录。"))
                .retryNow(clock.instant());
    }

    /** What to tell subscribers, per channel. */
    record Message(String subject, String emailText, String smsText) {
    }

    private static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String source(String raw) {
        return raw == null ? "api" : switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "chat", "report-form", "tracking-page", "help" -> raw.strip().toLowerCase(Locale.ROOT);
            default -> "api";
        };
    }
}
