package cn.invoicehelp.chat;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface ChatNotes extends JpaRepository<ChatNote, Long> {

    List<ChatNote> findByConversationIdOrderById(UUID conversationId);

    Optional<ChatNote> findByConversationIdAndClientMessageId(UUID conversationId, String clientMessageId);
}
