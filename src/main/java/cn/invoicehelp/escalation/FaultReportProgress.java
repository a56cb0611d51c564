package cn.invoicehelp.escalation;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * A report as its visitor may see it: the timeline and the public updates, never the contact or internal notes.
 *
 * @param statusText one sentence for people: the stage and its due time, or "处理中，已超出预计时间" when overdue
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultReportProgress(String trackingNumber, FaultReportStage stage, String stageLabel, boolean overdue,
                                  String statusText, List<StageView> stages, List<Update> updates, Instant createdAt) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StageView(FaultReportStage stage, String label, Instant startedAt, Instant dueAt, Instant doneAt) {
    }

    public record Update(Instant at, String text) {
    }
}
