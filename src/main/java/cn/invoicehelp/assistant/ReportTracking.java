package cn.invoicehelp.assistant;

import cn.invoicehelp.assistant.state.ConversationState;
import cn.invoicehelp.assistant.Reply.QuickReply;
import cn.invoicehelp.escalation.FaultReportLookupThrottled;
import cn.invoicehelp.escalation.FaultReportProgress;
import cn.invoicehelp.escalation.FaultReporting;
import cn.invoicehelp.escalation.TrackingNumbers;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers "我的报障进度 BJ…" in the conversation: asks for the tracking number or the contact when one is missing,
 * looks the report up through escalation's {@link FaultReporting} and answers with a {@code report} card. Filing a
 * report is {@link FaultReportTalk}'s; a tracking question ends one being filed, and cancelling is shared with it.
 */
final class ReportTracking {

    /** State marker: a tracking question waits for its number. */
    static final String NO_NUMBER = "-";

    private final FaultReporting reports;

    ReportTracking(FaultReporting reports) {
        this.reports = reports;
    }

    boolean awaiting(ConversationState s) {
        return s.getTrackPending() != null;
    }

    /** "我的报障进度 BJ…" (number maybe null: asked for), with the contact if it was typed along. */
    List<Reply> track(ConversationState s, String number, String text) {
        s.setReportStep(null);
        if (number == null) {
            s.setTrackPending(NO_NUMBER);
            return List.of(Replies.message("请发送报告编号（BJ 开头的 17 位编号）和提交时留下的手机号码或电子邮箱，"
                    + "我来帮您查询进度。也可以在 /help/track 页面查询。", List.of(FaultReportTalk.MENU)));
        }
        if (!TrackingNumbers.isValid(number)) {
            s.setTrackPending(NO_NUMBER);
            return List.of(Replies.message("报告编号 " + number + " 好像有一位抄错了（校验位对不上），请逐位核对后重新发送。",
                    List.of(FaultReportTalk.MENU)));
        }
        String rest = text == null ? "" : text.replace(number, "");
        Map<String, String> contact = ReportTexts.contact(DigitText.normalize(rest));
        if (contact.isEmpty()) {
            s.setTrackPending(number);
            return List.of(Replies.message("请提供提交报告 " + number + " 时留下的手机号码或电子邮箱，核对后我告诉您进度。",
                    List.of(FaultReportTalk.MENU)));
        }
        return progress(s, number, contact.values().iterator().next());
    }

    /** Free text while a tracking question waits for its number or contact; null when it is not an answer to it. */
    List<Reply> onText(ConversationState s, String raw) {
        String text = raw == null ? "" : raw;
        if (FaultReportTalk.NO_WORDS.contains(FaultReportTalk.plain(text))) {
            return FaultReportTalk.cancel(s);
        }
        Optional<String> number = TrackingNumbers.find(DigitText.normalize(text));
        if (number.isPresent()) {
            return track(s, number.get(), text);
        }
        String pending = s.getTrackPending();
        if (NO_NUMBER.equals(pending)) {
            s.setTrackPending(null);
            return null; // not a number after all: answered as any other message
        }
        Map<String, String> contact = ReportTexts.contact(DigitText.normalize(text));
        if (contact.isEmpty()) {
            s.setTrackPending(null);
            return null;
        }
        return progress(s, pending, contact.values().iterator().next());
    }

    private List<Reply> progress(ConversationState s, String number, String contact) {
        s.setTrackPending(null);
        Optional<FaultReportProgress> found;
        try {
            found = reports.track(number, contact);
        } catch (FaultReportLookupThrottled e) {
            return List.of(Replies.message("这个报告编号最近查询失败的次数太多，请核对编号和联系方式，稍后再试。",
                    List.of(FaultReportTalk.MENU)));
        }
        if (found.isEmpty()) {
            return List.of(Replies.message("没有找到这份报告：请核对报告编号，以及提交时留下的手机号码或电子邮箱。",
                    List.of(new QuickReply("重新查询", "track"), FaultReportTalk.MENU)));
        }
        FaultReportProgress p = found.get();
        Instant due = p.stages().stream().filter(v -> v.stage() == p.stage()).findFirst()
                .map(FaultReportProgress.StageView::dueAt).orElse(null);
        StringBuilder text = new StringBuilder("故障报告 " + p.trackingNumber() + " 当前阶段：" + p.stageLabel());
        text.append(p.overdue() ? "，处理中，已超出预计时间，我们正在加紧处理。" : due == null ? "。"
                : "，预计 " + FaultReportTalk.DUE.format(due) + " 前完成这一步。");
        if (!p.updates().isEmpty()) {
            text.append("\n最新进展：").append(p.updates().get(p.updates().size() - 1).text());
        }
        return List.of(new Reply("report", text.toString(), List.of(FaultReportTalk.MENU),
                FaultReportTalk.card(p.trackingNumber(), p.stage().name(), p.stageLabel(), due, p.overdue())));
    }
}
