package cn.invoicehelp.announcement;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface IncidentUpdates extends JpaRepository<IncidentUpdate, Long> {

    List<IncidentUpdate> findByIncidentIdOrderByPostedAtAscIdAsc(Long incidentId);
}
