package cn.invoicehelp.assistant;

import cn.invoicehelp.assistant.state.ConversationState;
import cn.invoicehelp.assistant.Reply.QuickReply;
import cn.invoicehelp.escalation.FaultReportForm;
import cn.invoicehelp.escalation.FaultReportProblem;
import cn.invoicehelp.escalation.FaultReportReceipt;
import cn.invoicehelp.escalation.FaultReportRejected;
import cn.invoicehelp.escalation.FaultReporting;
import cn.invoicehelp.invoice.InvoiceField;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Files a fault report in the conversation: it already knows the invoice and the steps tried, asks for what is still
 * missing (description, time, contact) one at a time, confirms, files, and answers with a {@code report} card.
 * Questions about a filed report's progress are {@link ReportTracking}'s.
 */
final class FaultReportTalk {

    static final String DESCRIPTION = "description";
    static final String OCCURRED = "occurredAt";
    static final String CONTACT = "contact";
    static final String CONFIRM = "confirm";

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(BEIJING);
    static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(BEIJING);
    static final QuickReply MENU = new QuickReply("主菜单", "menu");
    private static final QuickReply CONFIRM_REPLY = new QuickReply("确认提交", "report:confirm");
    private static final QuickReply REDO = new QuickReply("重新填写", "report:restart");
    private static final QuickReply CANCEL = new QuickReply("取消", "report:cancel");
    private static final QuickReply NOW = new QuickReply("刚刚发生", "report:now");
    private static final Set<String> YES = Set.of("是", "是的", "对", "对的", "确认", "确认提交", "提交", "好", "好的", "可以",
            "没问题", "嗯", "ok", "yes");
    static final Set<String> NO_WORDS = Set.of("取消", "算了", "不用了", "不报了", "不提交了", "不要了", "取消提交");
    private static final Set<String> PERSON = Set.of("转人工", "人工", "人工客服", "找人工", "转人工客服", "找客服");

    private final FaultReporting reports;
    private final FlowEngine flows;
    private final Clock clock;

    FaultReportTalk(FaultReporting reports, FlowEngine flows, Clock clock) {
        this.reports = reports;
        this.flows = flows;
        this.clock = clock;
    }

    boolean collecting(ConversationState s) {
        return s.getReportStep() != null;
    }

    /** 提交故障报告: starts collecting; what the conversation already knows is kept. */
    List<Reply> start(ConversationState s) {
        s.setTrackPending(null);
        s.setReport(new LinkedHashMap<>());
        StringBuilder intro = new StringBuilder("好的，我来帮您提交故障报告（也可以在帮助中心的故障报告页面 /help/report 填写）。");
        String number = s.getSlots().get(InvoiceField.NUMBER);
        if (number != null || !s.getStepsDone().isEmpty()) {
            intro.append(number == null ? "您做过的自查步骤会一并附上。"
                    : "发票号码 " + number + " 和您做过的自查步骤会一并附上。");
        }
        return ask(s, DESCRIPTION, intro.toString());
    }

    /** A quick reply of the report conversation ({@code report:<what>}). */
    List<Reply> action(ConversationState s, String what) {
        return switch (what) {
            case "confirm" -> collecting(s) && CONFIRM.equals(s.getReportStep()) ? file(s) : stale(s);
            case "restart" -> start(s);
            case "cancel" -> cancel(s);
            case "now" -> collecting(s) && OCCURRED.equals(s.getReportStep())
                    ? answer(s, "刚才") : stale(s);
            default -> stale(s);
        };
    }

    /** Free text while a report is being collected; null when the visitor asks for a person instead. */
    List<Reply> onText(ConversationState s, String text) {
        if (PERSON.contains(plain(text))) {
            s.setReportStep(null);
            return null;
        }
        return answer(s, text);
    }

    private List<Reply> answer(ConversationState s, String raw) {
        String text = DigitText.normalize(raw).strip();
        if (NO_WORDS.contains(plain(text))) {
            return cancel(s);
        }
        Map<String, String> draft = s.getReport();
        switch (s.getReportStep()) {
            case DESCRIPTION -> {
                Optional<String> problem = problem(draft(s, Map.of(DESCRIPTION, raw.strip())), DESCRIPTION);
                if (problem.isPresent()) {
                    return ask(s, DESCRIPTION, problem.get());
                }
                draft.put(DESCRIPTION, raw.strip());
                return ask(s, OCCURRED, null);
            }
            case OCCURRED -> {
                LocalDateTime at = ReportTexts.when(text, clock);
                if (at == null) {
                    return ask(s, OCCURRED, "没看懂这个时间。");
                }
                String iso = at.toString();
                Optional<String> problem = problem(draft(s, Map.of(OCCURRED, iso)), OCCURRED);
                if (problem.isPresent()) {
                    return ask(s, OCCURRED, problem.get());
                }
                draft.put(OCCURRED, iso);
                return ask(s, CONTACT, null);
            }
            case CONTACT -> {
                Map<String, String> contact = ReportTexts.contact(text);
                if (contact.isEmpty()) {
                    return ask(s, CONTACT, "没有找到手机号码或电子邮箱。");
                }
                FaultReportForm form = draft(s, contact);
                Optional<String> problem = problem(form, "phone").or(() -> problem(form, "email"));
                if (problem.isPresent()) {
                    return ask(s, CONTACT, problem.get());
                }
                draft.remove("phone");
                draft.remove("email");
                draft.putAll(contact);
                return confirm(s);
            }
            default -> {
                if (YES.contains(plain(text).toLowerCase())) {
                    return file(s);
                }
                return List.of(Replies.message("请点“确认提交”提交这份报告，或者“重新填写”“取消”。",
                        List.of(CONFIRM_REPLY, REDO, CANCEL)));
            }
        }
    }

    private List<Reply> ask(ConversationState s, String step, String before) {
        s.setReportStep(step);
        String question = switch (step) {
            case DESCRIPTION -> "请简单描述遇到的问题：做了什么操作、看到了什么提示？（至少 5 个字）";
            case OCCURRED -> "问题是什么时候发生的？例如“今天上午10点”“昨天下午3点”或“2025-03-10 09:30”。";
            default -> "请留下手机号码或电子邮箱，处理进展会通知您（只用于这份报告）。请不要发送身份证号、银行卡号等敏感信息。";
        };
        String text = before == null ? question : before + "\n" + question;
        List<QuickReply> options = OCCURRED.equals(step) ? List.of(NOW, CANCEL) : List.of(CANCEL);
        return List.of(Replies.message(text, options));
    }

    private List<Reply> confirm(ConversationState s) {
        s.setReportStep(CONFIRM);
        Map<String, String> d = s.getReport();
        StringBuilder text = new StringBuilder("请确认故障报告：");
        String number = s.getSlots().get(InvoiceField.NUMBER);
        if (number != null) {
            text.append("\n发票号码：").append(number);
        }
        text.append("\n发生时间：").append(SHOWN.format(LocalDateTime.parse(d.get(OCCURRED)).atZone(BEIJING)));
        text.append("\n问题描述：").append(d.get(DESCRIPTION));
        text.append("\n联系方式：").append(d.containsKey("phone") ? ReportTexts.maskPhone(d.get("phone")) : ReportTexts.maskEmail(d.get("email")));
        if (!s.getStepsDone().isEmpty()) {
            text.append("\n已做过的自查：").append(String.join("、", flows.titles(s.getStepsDone())));
        }
        return List.of(Replies.message(text.toString(), List.of(CONFIRM_REPLY, REDO, CANCEL)));
    }

    private List<Reply> file(ConversationState s) {
        FaultReportForm form = draft(s, Map.of());
        try {
            FaultReportReceipt receipt = reports.file(form);
            s.setReportStep(null);
            s.setReport(new LinkedHashMap<>());
            String text = "故障报告已提交，报告编号：" + receipt.trackingNumber() + "（请保存好）。\n当前阶段："
                    + receipt.stageLabel() + "，预计 " + DUE.format(receipt.dueAt()) + " 前完成这一步。\n之后发送“我的报障进度 "
                    + receipt.trackingNumber() + "”，或在 /help/track 页面输入编号和联系方式，都可以查询进度。";
            return List.of(new Reply("report", text, List.of(MENU), card(receipt.trackingNumber(),
                    receipt.stage().name(), receipt.stageLabel(), receipt.dueAt(), null)));
        } catch (FaultReportRejected e) {
            FaultReportProblem first = e.problems().get(0);
            String step = switch (first.field()) {
                case DESCRIPTION -> DESCRIPTION;
                case OCCURRED -> OCCURRED;
                case "phone", "email", CONTACT -> CONTACT;
                default -> null;
            };
            if (step == null) {
                s.setReportStep(null);
                return List.of(Replies.message(first.message() + "\n请在 /help/report 页面填写，或转人工。",
                        List.of(MENU)));
            }
            return ask(s, step, first.message());
        }
    }

    /** Drops the report being filed and any tracking question; shared with {@link ReportTracking}. */
    static List<Reply> cancel(ConversationState s) {
        s.setReportStep(null);
        s.setReport(new LinkedHashMap<>());
        s.setTrackPending(null);
        return List.of(Replies.message("好的，已取消，没有提交报告。还有什么可以帮您？", s.inFlow()
                ? List.of(Replies.RESUME, MENU) : Replies.MAIN_MENU));
    }

    private List<Reply> stale(ConversationState s) {
        return List.of(Replies.message("这个选项已经失效了，请重新选择。", Replies.MAIN_MENU));
    }

    private FaultReportForm draft(ConversationState s, Map<String, String> extra) {
        Map<String, String> d = new LinkedHashMap<>(s.getReport());
        d.putAll(extra);
        String number = s.getSlots().get(InvoiceField.NUMBER);
        String description = d.getOrDefault(DESCRIPTION, "（待填写）");
        String occurred = d.getOrDefault(OCCURRED, LocalDateTime.now(clock.withZone(BEIJING)).toString());
        String phone = d.get("phone");
        String email = d.get("email");
        if (phone == null && email == null) {
            phone = "13800000000"; // placeholder while checking other fields; never filed
        }
        return new FaultReportForm(number == null ? null : List.of(number), s.getSlots().get(InvoiceField.TYPE), occurred,
                description, phone, email, s.getConversationId(), collected(s, flows));
    }

    /**
     * What the assistant knows of a conversation, for staff: self-check steps done, the invoice fields (check code
     * masked) and the result of the last lookup ("NOT_FOUND：status text").
     */
    static FaultReportForm.Attachments collected(ConversationState s, FlowEngine flows) {
        List<String> outcome = s.getOutcome() == null ? List.of()
                : List.of(s.getLastStatus() == null || s.getLastStatus().isBlank() ? s.getOutcome()
                        : s.getOutcome() + "：" + s.getLastStatus());
        return new FaultReportForm.Attachments(flows.titles(s.getStepsDone()), Replies.masked(s.getSlots()), outcome);
    }

    private Optional<String> problem(FaultReportForm form, String field) {
        return reports.problems(form).stream().filter(p -> p.field().equals(field)).map(FaultReportProblem::message)
                .findFirst();
    }

    static Card.Report card(String number, String stage, String label, Instant due, Boolean overdue) {
        return new Card.Report(number, stage, label, due == null ? null : due.toString(), overdue);
    }

    static String plain(String text) {
        return text.replaceAll("[\\s。.!！,，~～]", "");
    }
}
