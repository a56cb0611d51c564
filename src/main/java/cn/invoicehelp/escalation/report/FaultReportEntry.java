package cn.invoicehelp.escalation.report;

import cn.invoicehelp.escalation.FaultReportStage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/** One line of a report's history: a stage entered, or a note (public: the visitor sees it; internal: staff only). */
@Entity
@Table(name = "fault_report_entry")
class FaultReportEntry {

    enum Kind { STAGE, PUBLIC_NOTE, INTERNAL_NOTE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "report_id")
    private FaultReport report;
    @Column(name = "happened_at")
    private Instant at;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Enumerated(EnumType.STRING)
    private FaultReportStage stage;
    @Column(name = "due_at")
    private Instant dueAt;
    @Column(name = "note")
    private String text;
    private String author;

    protected FaultReportEntry() {
    }

    FaultReportEntry(FaultReport report, Instant at, Kind kind, FaultReportStage stage, Instant dueAt, String text,
                     String author) {
        this.report = report;
        this.at = at;
        this.kind = kind;
        this.stage = stage;
        this.dueAt = dueAt;
        this.text = text;
        this.author = author;
    }

    Instant at() {
        return at;
    }

    Kind kind() {
        return kind;
    }

    FaultReportStage stage() {
        return stage;
    }

    Instant dueAt() {
        return dueAt;
    }

    String text() {
        return text;
    }

    String author() {
        return author;
    }
}
