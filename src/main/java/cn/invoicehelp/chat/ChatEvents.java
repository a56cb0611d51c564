package cn.invoicehelp.chat;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface ChatEvents extends JpaRepository<ChatEvent, Long> {

    List<ChatEvent> findByConversationIdAndSeqGreaterThanOrderBySeq(UUID conversationId, long afterSeq, Limit limit);

    List<ChatEvent> findByConversationIdOrderBySeq(UUID conversationId);

    Optional<ChatEvent> findFirstByConversationIdAndSenderAndRefClientMessageId(UUID conversationId, String sender,
                                                                               String refClientMessageId);

    Optional<ChatEvent> findByConversationIdAndClientMessageId(UUID conversationId, String clientMessageId);

    /** Latest bot events first: where the label of a quick-reply action is looked up. */
    List<ChatEvent> findByConversationIdAndSenderAndQuickRepliesIsNotNullOrderBySeqDesc(UUID conversationId,
                                                                                       String sender, Limit limit);
}
