package cn.invoicehelp.escalation.report;

import cn.invoicehelp.escalation.FaultReportProgress.StageView;
import cn.invoicehelp.escalation.FaultReportStage;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A fault report and its repair timeline. The report guards its own stage: forward one step at a time, back only
 * when reopened by an admin; every change is kept as an entry, with its due time computed when the stage starts.
 */
@Entity
@Table(name = "fault_report")
class FaultReport {

    @Id
    private UUID id;
    @Column(name = "tracking_number")
    private String trackingNumber;
    @Column(name = "invoice_numbers")
    private String invoiceNumbers;
    @Column(name = "invoice_type")
    private String invoiceType;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    private String description;
    private String phone;
    private String email;
    @Column(name = "conversation_id")
    private UUID conversationId;
    private String attachments;
    private String transcript;
    @Enumerated(EnumType.STRING)
    private FaultReportStage stage;
    @Column(name = "stage_started_at")
    private Instant stageStartedAt;
    @Column(name = "stage_due_at")
    private Instant stageDueAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "dedup_key")
    private String dedupKey;
    @Version
    private long version;
    @OneToMany(mappedBy = "report", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<FaultReportEntry> entries = new ArrayList<>();

    protected FaultReport() {
    }

    FaultReport(String trackingNumber, FaultReportRules.Checked form, UUID conversationId, String attachments,
                String dedupKey, Instant now, FaultReportProperties.Durations durations) {
        this.id = UUID.randomUUID();
        this.trackingNumber = trackingNumber;
        this.invoiceNumbers = String.join(",", form.invoiceNumbers());
        this.invoiceType = form.invoiceType();
        this.occurredAt = form.occurredAt();
        this.description = form.description();
        this.phone = form.phone();
        this.email = form.email();
        this.conversationId = conversationId;
        this.attachments = attachments;
        this.dedupKey = dedupKey;
        this.createdAt = now;
        enter(FaultReportStage.CONFIRMING, now, durations, null);
    }

    /**
     * Moves to {@code to} (or stays, when it is the current stage: then only the notes are added).
     *
     * @param mayReopen whether the person may move the report back to an earlier stage (admins)
     */
    void change(FaultReportStage to, String publicNote, String internalNote, String author, boolean mayReopen,
                Instant now, FaultReportProperties.Durations durations) {
        if (to != stage) {
            if (to.ordinal() < stage.ordinal()) {
                if (!mayReopen) {
                    throw new StageChangeRefused(403, "只有管理员可以把报告退回到之前的阶段（重新打开）。");
                }
            } else if (to != stage.next()) {
                throw new StageChangeRefused(409, stage == FaultReportStage.CLOSED ? "报告已完成，不能再推进。"
                        : "不能跳过阶段：当前是「" + stage.label() + "」，下一步只能是「" + stage.next().label() + "」。");
            }
            enter(to, now, durations, author);
        } else if (publicNote == null && internalNote == null) {
            throw new StageChangeRefused(409, "报告已处于「" + stage.label() + "」阶段；只添加备注时请填写 publicNote 或 internalNote。");
        }
        if (publicNote != null) {
            entries.add(new FaultReportEntry(this, now, FaultReportEntry.Kind.PUBLIC_NOTE, stage, null, publicNote, author));
        }
        if (internalNote != null) {
            entries.add(new FaultReportEntry(this, now, FaultReportEntry.Kind.INTERNAL_NOTE, stage, null, internalNote,
                    author));
        }
    }

    private void enter(FaultReportStage to, Instant now, FaultReportProperties.Durations durations, String author) {
        var length = durations.of(to);
        this.stage = to;
        this.stageStartedAt = now;
        this.stageDueAt = length == null ? null : now.plus(length);
        entries.add(new FaultReportEntry(this, now, FaultReportEntry.Kind.STAGE, to, stageDueAt, null, author));
    }

    boolean overdue(Instant now) {
        return stageDueAt != null && now.isAfter(stageDueAt);
    }

    /**
     * Every stage in order with when it started, was due and was done, replayed from the entries: a reopen forgets
     * the stages after the one reopened, since they will be done again.
     */
    List<StageView> timeline() {
        Map<FaultReportStage, Instant[]> seen = new EnumMap<>(FaultReportStage.class);
        FaultReportStage current = null;
        for (FaultReportEntry entry : entries) {
            if (entry.kind() != FaultReportEntry.Kind.STAGE) {
                continue;
            }
            FaultReportStage to = entry.stage();
            if (current != null && to.ordinal() > current.ordinal()) {
                seen.get(current)[2] = entry.at();
            }
            seen.keySet().removeIf(s -> s.ordinal() > to.ordinal());
            seen.put(to, new Instant[] {entry.at(), entry.dueAt(), to == FaultReportStage.CLOSED ? entry.at() : null});
            current = to;
        }
        return Arrays.stream(FaultReportStage.values()).map(s -> {
            Instant[] t = seen.get(s);
            return t == null ? new StageView(s, s.label(), null, null, null) : new StageView(s, s.label(), t[0], t[1], t[2]);
        }).toList();
    }

    List<FaultReportEntry> entries() {
        return entries;
    }

    /** What the assistant collected; a report filed in the chat has it from the start and keeps it. */
    boolean attachCollected(String attachmentsJson) {
        if (attachments != null) {
            return false;
        }
        this.attachments = attachmentsJson;
        return true;
    }

    void attachTranscript(String transcriptJson) {
        this.transcript = transcriptJson;
    }

    String trackingNumber() {
        return trackingNumber;
    }

    List<String> invoiceNumbers() {
        return invoiceNumbers == null || invoiceNumbers.isEmpty() ? List.of() : List.of(invoiceNumbers.split(","));
    }

    String invoiceType() {
        return invoiceType;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    String description() {
        return description;
    }

    String phone() {
        return phone;
    }

    String email() {
        return email;
    }

    UUID conversationId() {
        return conversationId;
    }

    String attachments() {
        return attachments;
    }

    String transcript() {
        return transcript;
    }

    FaultReportStage stage() {
        return stage;
    }

    Instant stageStartedAt() {
        return stageStartedAt;
    }

    Instant stageDueAt() {
        return stageDueAt;
    }

    Instant createdAt() {
        return createdAt;
    }
}
