package cn.invoicehelp.chat;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

interface ChatRatings extends JpaRepository<ChatRating, UUID> {
}
