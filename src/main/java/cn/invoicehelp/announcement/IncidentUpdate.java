package cn.invoicehelp.announcement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One public update on an incident's timeline. */
@Entity
@Table(name = "incident_update")
class IncidentUpdate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "incident_id")
    private Long incidentId;
    @Enumerated(EnumType.STRING)
    private IncidentStage stage;
    private String message;
    @Column(name = "posted_at")
    private Instant postedAt;
    @Column(name = "posted_by")
    private String postedBy;

    protected IncidentUpdate() {
    }

    IncidentUpdate(Long incidentId, IncidentStage stage, String message, String postedBy, Instant postedAt) {
        this.incidentId = incidentId;
        this.stage = stage;
        this.message = message;
        this.postedBy = postedBy;
        this.postedAt = postedAt;
    }

    IncidentStage stage() {
        return stage;
    }

    String message() {
        return message;
    }

    Instant postedAt() {
        return postedAt;
    }
}
