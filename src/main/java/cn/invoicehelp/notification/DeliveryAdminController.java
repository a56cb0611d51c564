package cn.invoicehelp.notification;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Admins see deliveries that are waiting for a retry or gave up, with masked contacts, and can retry them. */
@RestController
class DeliveryAdminController {

    private final Deliveries deliveries;
    private final Subscriptions subscriptions;
    private final DeliveryDispatcher dispatcher;
    private final NotificationService notifications;

    DeliveryAdminController(Deliveries deliveries, Subscriptions subscriptions, DeliveryDispatcher dispatcher,
            NotificationService notifications) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.dispatcher = dispatcher;
        this.notifications = notifications;
    }

    record DeliveryView(UUID id, String channel, String to, String targetType, String targetId, String subject,
            String status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {
    }

    /** {@code status}: PENDING, FAILED, SENT or CANCELLED, several separated by commas (default PENDING,FAILED). */
    @GetMapping("/api/console/notifications/deliveries")
    @Transactional(readOnly = true)
    List<DeliveryView> list(@RequestParam(defaultValue = "PENDING,FAILED") String status, HttpServletRequest request) {
        admin(request);
        List<String> statuses = java.util.Arrays.stream(status.split(","))
                .map(s -> s.strip().toUpperCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
        return deliveries.findTop200ByStatusInOrderByCreatedAtDesc(statuses).stream().map(this::view).toList();
    }

    @PostMapping("/api/console/notifications/deliveries/{id}/retry")
    DeliveryView retry(@PathVariable UUID id, HttpServletRequest request) {
        admin(request);
        notifications.retryNow(id);
        dispatcher.dispatchDue();
        return viewOf(id);
    }

    private DeliveryView viewOf(UUID id) {
        return deliveries.findById(id).map(this::view)
                .orElseThrow(() -> new NotificationException.NotFound("没有这条通知记录。"));
    }

    private DeliveryView view(Delivery d) {
        Subscription s = subscriptions.findById(d.subscriptionId()).orElse(null);
        String to = s == null ? null : d.channel() == Channel.EMAIL ? s.emailMasked() : s.phoneMasked();
        return new DeliveryView(d.id(), d.channel().name(), to, s == null ? null : s.targetType().name(),
                s == null ? null : s.targetId(), d.subject(), d.status(), d.attempts(), d.nextAttemptAt(),
                d.lastError(), d.createdAt(), d.sentAt());
    }

    private static void admin(HttpServletRequest request) {
        if (!request.isUserInRole("ADMIN")) {
            throw new NotificationException.Forbidden("只有管理员可以查看通知发送记录。");
        }
    }
}
