package cn.invoicehelp.escalation;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

interface HandoffRequests extends JpaRepository<HandoffRequest, UUID> {

    boolean existsByConversationIdAndStatus(UUID conversationId, String status);

    List<HandoffRequest> findByConversationId(UUID conversationId);
}
