package cn.invoicehelp.announcement;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface Incidents extends JpaRepository<Incident, Long> {

    List<Incident> findTop100ByOrderByOpenedAtDesc();
}
