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

    private void sendAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.dispatchDue();
                }
            });
        } else {
            dispatcher.dispatchDue();
        }
    }
}
