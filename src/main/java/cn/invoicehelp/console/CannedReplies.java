package cn.invoicehelp.console;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface CannedReplies extends JpaRepository<CannedReply, Long> {

    List<CannedReply> findAllByOrderById();
}
