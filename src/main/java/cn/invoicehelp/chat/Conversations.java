package cn.invoicehelp.chat;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;
import java.util.UUID;

interface Conversations extends JpaRepository<Conversation, UUID> {

    Optional<Conversation> findByTokenHash(String tokenHash);

    /** Conversations with activity since {@code since}: the ones a visitor may still have open. */
    @Query("select c.id from Conversation c where c.updatedAt >= :since")
    java.util.List<UUID> activeSince(java.time.Instant since);

    /** Row lock for seq allocation: concurrent appends to one conversation queue up here. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Conversation c where c.id = :id")
    Optional<Conversation> lockById(UUID id);
}
