package cn.invoicehelp.notification;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Public: subscribe to a fault report or incident (chat, report form, tracking page), unsubscribe by token. */
@RestController
class SubscriptionController {

    private final NotificationService notifications;

    SubscriptionController(NotificationService notifications) {
        this.notifications = notifications;
    }

    /** 201 for a new subscription, 200 when the same contact already follows the target (one subscription). */
    @PostMapping("/api/notifications/subscriptions")
    ResponseEntity<SubscriptionView> subscribe(@RequestBody(required = false) NotificationService.Form form) {
        NotificationService.Result result = notifications.subscribe(form);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(result.subscription());
    }

    @DeleteMapping("/api/notifications/subscriptions/{token}")
    SubscriptionView unsubscribe(@PathVariable String token) {
        return notifications.unsubscribe(token);
    }
}
