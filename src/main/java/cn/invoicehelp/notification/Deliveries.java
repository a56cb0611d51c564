package cn.invoicehelp.notification;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

interface Deliveries extends JpaRepository<Delivery, UUID> {

    List<Delivery> findByStatusAndNextAttemptAtLessThanEqualOrderByNextAttemptAt(String status, Instant now,
            Limit limit);

    boolean existsBySubscriptionIdAndChannelAndEventKey(UUID subscriptionId, Channel channel, String eventKey);

    boolean existsBySubscriptionIdAndStatus(UUID subscriptionId, String status);

    List<Delivery> findBySubscriptionIdAndStatus(UUID subscriptionId, String status);

    List<Delivery> findTop200ByStatusInOrderByCreatedAtDesc(List<String> statuses);
}
