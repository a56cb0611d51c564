package cn.invoicehelp.notification;

import cn.invoicehelp.announcement.IncidentStage;
import cn.invoicehelp.announcement.IncidentStageChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns stage changes into outbox rows. The event publication registry keeps the event until this listener has
 * committed, and the rows stay until they are sent: a stop anywhere between "stage changed" and "message sent" loses
 * nothing. Sending starts right after the commit.
 */
@Component
class StageListener {

    private final NotificationService notifications;
    private final DeliveryDispatcher dispatcher;
    private final NotificationProperties properties;

    StageListener(NotificationService notifications, DeliveryDispatcher dispatcher,
            NotificationProperties properties) {
        this.notifications = notifications;
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void on(IncidentStageChanged event) {
        if (event.from() == null) {
            return; // just opened: nobody can have subscribed yet
        }
        IncidentStage to = event.to();
        String link = properties.baseUrl() + "/help";
        String subject = "【北京发票自助服务中心】" + (to.serviceRestored() ? "恢复通知" : "故障进展") + "：" + event.title()
                + "（" + to.label() + "）";
        String email = "您好！\n\n您订阅的故障「" + event.title() + "」有新进展。\n当前阶段：" + to.label() + "\n"
                + event.message() + "\n\n最新公告：" + link;
        String sms = "【北京发票自助服务中心】故障「" + event.title() + "」进展：" + to.label() + "。" + event.message();
        int queued = notifications.enqueue(TargetType.INCIDENT, String.valueOf(event.incidentId()),
                "INCIDENT:" + event.incidentId() + ":" + to.name(), new NotificationService.Message(subject, email, sms),
                to == IncidentStage.CLOSED);
        if (queued > 0) {
            sendAfterCommit();
        }
    }

    /** A fault report moved on (or got a public note): its subscribers hear it; CLOSED is the last message. */
    @ApplicationModuleListener
    void on(cn.invoicehelp.escalation.FaultReportStageChanged event) {
        String tn = event.trackingNumber();
        String due = event.dueAt() == null || event.to() == cn.invoicehelp.escalation.FaultReportStage.CLOSED ? ""
                : "，预计 " + WHEN.format(event.dueAt()) + " 前完成";
        String note = event.publicNote() == null || event.publicNote().isBlank() ? "" : "\n" + event.publicNote();
        String subject = "【北京发票自助服务中心】故障报告 " + tn + " 进展：" + event.to().label();
        String email = "您好！\n\n您订阅的故障报告 " + tn + " 有新进展。\n当前阶段：" + event.to().label() + due + note
                + "\n\n查看进度：" + properties.baseUrl() + "/help/track";
        String sms = "【北京发票自助服务中心】故障报告 " + tn + " 进展：" + event.to().label() + due + "。"
                + note.strip();
        int queued = notifications.enqueue(TargetType.REPORT, tn,
                "REPORT:" + tn + ":" + event.to().name() + ":" + event.changedAt().toEpochMilli(),
                new NotificationService.Message(subject, email, sms),
                event.to() == cn.invoicehelp.escalation.FaultReportStage.CLOSED);
        if (queued > 0) {
            sendAfterCommit();
        }
    }

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("M月d日 HH:mm").withZone(java.time.ZoneId.of("Asia/Shanghai"));

    /** A maintenance window (or any announcement) is over: its subscribers hear it once, then their contacts go. */
    @ApplicationModuleListener
    void on(cn.invoicehelp.announcement.AnnouncementEnded event) {
        String subject = "【北京发票自助服务中心】维护已结束";
        String text = "您好！\n\n您订阅的系统维护已经结束，相关功能已恢复，可以重新查询或开票。"
                + "维护期间未完成的业务请先查询确认，再决定是否重新提交。\n\n最新公告：" + properties.baseUrl() + "/help";
        String sms = "【北京发票自助服务中心】您订阅的系统维护已结束，相关功能已恢复。";
        int queued = notifications.enqueue(TargetType.ANNOUNCEMENT, String.valueOf(event.id()),
                "ANNOUNCEMENT:" + event.id() + ":ENDED", new NotificationService.Message(subject, text, sms), true);
        if (queued > 0) {
            sendAfterCommit();
        }
    }

    private void sendAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.dispatchSoon();
                }
            });
        } else {
            dispatcher.dispatchSoon();
        }
    }
}
