package cn.invoicehelp.notification;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

interface Deliveries extends JpaRepository<Delivery, UUID> {

    List<Delivery> findByStatusAndNextAttemptAtLessThanEqualOrderByNextAttemptAt(String status, Instant now,
            Limit limit);

    /**
     * Claims a due delivery for one sender: a single conditional UPDATE, so of two senders (threads or nodes sharing
     * the database) exactly one gets 1 back — the row lock makes the second re-check the condition after the first
     * commits, on H2 and PostgreSQL alike. A claim whose lease has run out (its sender stopped) can be taken over.
     */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Delivery d set d.claimedBy = :claim, d.claimedUntil = :until, d.version = d.version + 1 "
            + "where d.id = :id and d.status = 'PENDING' and d.nextAttemptAt <= :now "
            + "and (d.claimedUntil is null or d.claimedUntil <= :now)")
    int claim(@Param("id") UUID id, @Param("claim") String claim, @Param("now") Instant now,
            @Param("until") Instant until);

    /** Due deliveries nobody holds a claim on, oldest due first. */
    @Query("select d.id from Delivery d where d.status = 'PENDING' and d.nextAttemptAt <= :now "
            + "and (d.claimedUntil is null or d.claimedUntil <= :now) order by d.nextAttemptAt, d.id")
    List<UUID> findDue(@Param("now") Instant now, org.springframework.data.domain.Pageable page);

    boolean existsBySubscriptionIdAndChannelAndEventKey(UUID subscriptionId, Channel channel, String eventKey);

    boolean existsBySubscriptionIdAndStatus(UUID subscriptionId, String status);

    List<Delivery> findBySubscriptionIdAndStatus(UUID subscriptionId, String status);

    List<Delivery> findTop200ByStatusInOrderByCreatedAtDesc(List<String> statuses);
}
