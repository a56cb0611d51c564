package cn.invoicehelp.notification;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/** A subscription as shown to its owner or to staff: contacts masked. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SubscriptionView(UUID id, String targetType, String targetId, String phone, String email, String status,
        Instant createdAt, String unsubscribeUrl, String unsubscribeToken) {

    static SubscriptionView of(Subscription s, String baseUrl, boolean withToken) {
        return new SubscriptionView(s.id(), s.targetType().name(), s.targetId(), s.phoneMasked(), s.emailMasked(),
                s.status(), s.createdAt(),
                withToken ? baseUrl + "/notifications/unsubscribe?token=" + s.token() : null,
                withToken ? s.token() : null);
    }
}
