package cn.invoicehelp.escalation.handoff;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface HandoffRequests extends JpaRepository<HandoffRequest, UUID> {

    boolean existsByConversationIdAndStatusIn(UUID conversationId, Collection<HandoffRequest.Status> statuses);

    List<HandoffRequest> findByConversationId(UUID conversationId);

    Optional<HandoffRequest> findFirstByConversationIdOrderByCreatedAtDesc(UUID conversationId);

    List<HandoffRequest> findByStatusInOrderByCreatedAt(Collection<HandoffRequest.Status> statuses);
}
