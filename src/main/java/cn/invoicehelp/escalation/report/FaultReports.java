package cn.invoicehelp.escalation.report;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

interface FaultReports extends JpaRepository<FaultReport, UUID>, JpaSpecificationExecutor<FaultReport> {

    Optional<FaultReport> findByTrackingNumber(String trackingNumber);

    boolean existsByTrackingNumber(String trackingNumber);

    Optional<FaultReport> findFirstByDedupKeyAndCreatedAtAfterOrderByCreatedAt(String dedupKey, Instant after);
}
