package cn.invoicehelp.chat;

import cn.invoicehelp.escalation.FaultReportFiled;
import cn.invoicehelp.escalation.FaultReportStage;
import cn.invoicehelp.escalation.FaultReportStageChanged;
import cn.invoicehelp.escalation.FaultReporting;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Connects fault reports with the conversation they came from: the transcript goes with the report, and every stage
 * change or public note of staff comes back into the conversation as a {@code report} event with a report card.
 */
@Component
class FaultReportUpdates {

    private static final DateTimeFormatter DUE =
            DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final Conversations conversations;
    private final ChatEvents events;
    private final EventLog log;
    private final EventSender sender;
    private final FaultReporting reports;

    FaultReportUpdates(Conversations conversations, ChatEvents events, EventLog log, EventSender sender,
                       FaultReporting reports) {
        this.conversations = conversations;
        this.events = events;
        this.log = log;
        this.sender = sender;
        this.reports = reports;
    }

    /** No transaction around it, so the transcript's own transaction can retry a lost version race (see below). */
    @EventLogListener
    void on(FaultReportFiled filed) {
        if (filed.conversationId() == null || !conversations.existsById(filed.conversationId())) {
            return;
        }
        List<FaultReporting.TranscriptLine> transcript = events.findByConversationIdOrderBySeq(filed.conversationId())
                .stream().filter(e -> !"error".equals(e.type()) && !"typing".equals(e.type()) && e.text() != null)
                .map(e -> new FaultReporting.TranscriptLine(e.sender(), e.text(), e.createdAt())).toList();
        reports.attachTranscript(filed.trackingNumber(), filed.conversationId(), transcript);
    }

    @EventLogListener
    void on(FaultReportStageChanged changed) {
        if (changed.conversationId() == null || !conversations.existsById(changed.conversationId())) {
            return;
        }
        StringBuilder text = new StringBuilder("您的故障报告 " + changed.trackingNumber());
        if (changed.from() == changed.to()) {
            text.append(" 有新的进展：");
        } else if (changed.to() == FaultReportStage.CLOSED) {
            text.append(" 已处理完成。");
        } else {
            text.append(" 已进入「").append(changed.to().label()).append("」阶段");
            text.append(changed.dueAt() == null ? "。" : "，预计 " + DUE.format(changed.dueAt()) + " 前完成这一步。");
        }
        if (changed.publicNote() != null) {
            text.append(changed.from() == changed.to() ? "" : "\n").append(changed.publicNote());
        }
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("kind", "report");
        card.put("trackingNumber", changed.trackingNumber());
        card.put("stage", changed.to().name());
        card.put("stageLabel", changed.to().label());
        card.put("dueAt", changed.dueAt() == null ? null : changed.dueAt().toString());
        NewEvent event = new NewEvent("report", "system", text.toString(), null, false, null, null, log.toJson(card));
        sender.sendStored(changed.conversationId(),
                () -> log.append(changed.conversationId(), locked -> locked.append(event)));
    }
}
