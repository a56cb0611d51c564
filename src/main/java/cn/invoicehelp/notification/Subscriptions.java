package cn.invoicehelp.notification;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface Subscriptions extends JpaRepository<Subscription, UUID> {

    List<Subscription> findByTargetTypeAndTargetIdAndStatus(String targetType, String targetId, String status);

    Optional<Subscription> findByToken(String token);

    /** Ended subscriptions whose contacts are still stored. */
    @Query("select s from Subscription s where s.status <> 'ACTIVE' and (s.phone is not null or s.email is not null)")
    List<Subscription> endedWithContacts();
}
