package cn.invoicehelp.chat;

import cn.invoicehelp.assistant.Reply;
import cn.invoicehelp.escalation.HandoffClaimed;
import cn.invoicehelp.escalation.HandoffClosed;
import cn.invoicehelp.escalation.HandoffQueueChanged;
import cn.invoicehelp.escalation.HandoffQueued;
import cn.invoicehelp.escalation.HandoffReleased;
import cn.invoicehelp.escalation.HandoffTransferred;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Turns the queue's events into what the visitor sees (queue place, who joined, closed + rating) and mutes or
 * unmutes the bot. Runs after the queue's commit, outside it: each write is its own committed append, sent only
 * afterwards (stored before sent). Publications are tracked by the event registry, so a crash re-delivers them.
 */
@Component
class HandoffProgress {

    static final String OUTSIDE_HOURS = "现在是非服务时间，人工客服上班后会按排队顺序回复您。您也可以留言（提交故障报告），"
            + "我们处理后会通知您。";
    static final String NOBODY_ONLINE = "目前暂无人工客服在线，您的问题已在排队，客服上线后会按顺序回复您。您也可以留言（提交故障报告），"
            + "我们处理后会通知您。";

    private final EventLog log;
    private final EventSender sender;

    HandoffProgress(EventLog log, EventSender sender) {
        this.log = log;
        this.sender = sender;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(HandoffQueued event) {
        write(event.conversationId(), locked -> {
            if (!locked.conversation.waitingForAgent()) {
                return;
            }
            locked.append(queueEvent(event.position(), event.estimatedWaitSeconds()));
            String notice = switch (event.availability()) {
                case OUTSIDE_HOURS -> OUTSIDE_HOURS;
                case NO_AGENT_ONLINE -> NOBODY_ONLINE;
                case OPEN -> null;
            };
            if (notice != null) {
                locked.append(new NewEvent("message", "system", notice, null, false, null,
                        log.toJson(List.of(new Reply.QuickReply("留言 / 提交故障报告", ChatTurns.REPORT))), null));
            }
        });
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(HandoffQueueChanged event) {
        for (HandoffQueueChanged.Place place : event.waiting()) {
            write(place.conversationId(), locked -> {
                if (locked.conversation.waitingForAgent()) {
                    locked.append(queueEvent(place.position(), place.estimatedWaitSeconds()));
                }
            });
        }
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(HandoffClaimed event) {
        write(event.conversationId(), locked -> {
            locked.conversation.agentJoined();
            locked.append(NewEvent.system("system", "人工客服 " + event.agent().displayName() + " 已接入", null));
        });
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(HandoffTransferred event) {
        write(event.conversationId(), locked -> locked.append(NewEvent.system("system",
                "已为您转接至人工客服 " + event.to().displayName(), null)));
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(HandoffReleased event) {
        write(event.conversationId(), locked -> {
            locked.conversation.backToBot();
            locked.append(NewEvent.system("system", "人工客服已结束接待，智能助手继续为您服务。", null));
        });
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(HandoffClosed event) {
        write(event.conversationId(), locked -> {
            locked.conversation.closed(event.at());
            locked.append(new NewEvent("closed", "system", "本次人工服务已结束，感谢您的耐心。请为本次服务打分（1–5 分）。",
                    null, false, null, null,
                    log.toJson(new ProtocolCards.Rating("/api/chat/sessions/" + event.conversationId() + "/rating"))));
        });
    }

    private NewEvent queueEvent(int position, long waitSeconds) {
        long minutes = Math.max(1, (waitSeconds + 59) / 60);
        String text = position <= 1 ? "正在为您接入人工客服，您是下一位，预计等待约 " + minutes + " 分钟。"
                : "正在为您排队，您前面还有 " + (position - 1) + " 位，预计等待约 " + minutes + " 分钟。";
        return new NewEvent("handoff", "system", text, null, false, null, null,
                log.toJson(new ProtocolCards.Queue(position, waitSeconds)));
    }

    private void write(UUID conversationId, Consumer<EventLog.Locked> work) {
        sender.sendStored(conversationId, () -> log.append(conversationId, work));
    }
}
