package cn.invoicehelp.assistant;

import cn.invoicehelp.assistant.state.ConversationState;
import cn.invoicehelp.assistant.Reply.QuickReply;
import cn.invoicehelp.knowledge.Article;
import cn.invoicehelp.knowledge.FaqSearch;
import java.util.ArrayList;
import java.util.List;

/** Runs the stable quick-reply actions (see docs/assistant.md); intents and flow choices end up here too. */
final class Actions {

    private static final QuickReply MENU = Replies.MENU;

    private final FlowEngine flows;
    private final FaqSearch faq;
    private final AssistantProperties properties;
    private final FaultReportTalk reports;
    private final ReportTracking tracking;

    Actions(FlowEngine flows, FaqSearch faq, AssistantProperties properties, FaultReportTalk reports,
            ReportTracking tracking) {
        this.flows = flows;
        this.faq = faq;
        this.properties = properties;
        this.reports = reports;
        this.tracking = tracking;
    }

    /** A quick reply a client sent back: unknown, malformed or internal actions are stale, never an error. */
    List<Reply> fromClient(ConversationState s, String wire) {
        return Action.parse(wire).filter(a -> Action.FROM_CLIENT.contains(a.kind())).map(a -> run(s, a))
                .orElseGet(() -> stale(s));
    }

    List<Reply> run(ConversationState s, Action action) {
        if (action.kind() != Action.Kind.REPORT && action.kind() != Action.Kind.HANDOFF) {
            s.setReportStep(null); // another button: an unfinished report or tracking question is dropped
            s.setTrackPending(null);
        }
        return switch (action.kind()) {
            case MENU -> List.of(Replies.message("请问需要什么帮助？可以直接描述问题，也可以点选下面的选项。",
                    s.inFlow() ? prepend(Replies.RESUME, Replies.MAIN_MENU) : Replies.MAIN_MENU));
            case HANDOFF -> handoff(s, "user");
            case REPORT -> action.argument() != null ? reports.action(s, action.argument()) : reports.start(s);
            case RESTART -> restart(s);
            case RESUME -> s.inFlow() ? flows.resume(s) : run(s, Action.MENU);
            case DONE -> done(s);
            case TRACK -> tracking.track(s, null, null);
            case LOOKUP -> lookup(freshOutsideFlow(s));
            case FLOW -> flows.exists(action.argument())
                    ? flows.start(freshOutsideFlow(s), action.argument(), null) : stale(s);
            case STEP -> s.inFlow()
                    ? flows.choose(s, action.stepId(), action.stepValue()).map(turn -> finish(s, turn))
                            .orElseGet(() -> stale(s))
                    : stale(s);
            case FAQ -> action.argument() != null ? article(s, action.argument()) : stale(s);
            case REENTER -> stale(s); // only a flow choice re-enters, inside the flow engine
            case SUBSCRIBE -> subscribe(s);
        };
    }

    /** The replies of a flow turn, followed by what its chosen action says. */
    List<Reply> finish(ConversationState s, FlowEngine.Turn turn) {
        if (turn.action() == null) {
            return turn.replies();
        }
        List<Reply> replies = new ArrayList<>(turn.replies());
        replies.addAll(run(s, turn.action()));
        return replies;
    }

    private List<Reply> handoff(ConversationState s, String reason) {
        s.setHandedOff(true);
        s.setReportStep(null);
        s.setTrackPending(null);
        String text = "好的，正在为您转接人工客服，请稍候。接通前您可以继续描述问题，工作人员会看到刚才的自查记录。";
        return List.of(new Reply("handoff", text, List.of(),
                Replies.handoffCard(reason, flows.titles(s.getStepsDone()), s.getSlots())));
    }

    private List<Reply> restart(ConversationState s) {
        String flow = s.getFlow();
        s.leaveFlow();
        s.getSlots().clear();
        s.getStepsDone().clear();
        s.setVerifyStep(null);
        s.setMisses(0);
        s.setHandedOff(false);
        if (flow == null) {
            return List.of(Replies.menu("好的，已经重新开始。请问需要什么帮助？"));
        }
        List<Reply> replies = new ArrayList<>(List.of(Replies.text("好的，我们从头开始。")));
        replies.addAll(flows.start(s, flow, null));
        return replies;
    }

    private List<Reply> done(ConversationState s) {
        s.leaveFlow();
        return List.of(Replies.menu("很高兴能帮到您！还有其他问题吗？"));
    }

    /** A flow started from the menu begins clean: the invoice of an earlier, finished flow is not reused. */
    private static ConversationState freshOutsideFlow(ConversationState s) {
        if (!s.inFlow()) {
            s.getSlots().clear();
            s.getStepsDone().clear();
            s.setVerifyStep(null);
        }
        return s;
    }

    /** The pause-business advice of the support article, said with every outage notice. */
    static final String PAUSE_ADVICE = "建议暂缓开票、批量查验、导出数据等关键操作；确需办理的业务先记下发票号码、时间和操作内容，"
            + "恢复后逐一核对补办；恢复后请先查询确认，再决定是否重新提交。";
    static final String PAUSE_ARTICLE = "pause-business-advice";

    /**
     * First answer of a "查不到 / 无法开票" conversation while the system is down: what is going on and until when, the
     * advice on pausing business, then the status step of the lookup flow (the steps before it cannot help now).
     */
    List<Reply> disruption(ConversationState s, cn.invoicehelp.announcement.ActiveAnnouncement now) {
        String intro = SystemStatus.describe(now) + "\n" + PAUSE_ADVICE;
        Card card = faq.article(PAUSE_ARTICLE).map(a -> (Card) Replies.faqCard(a.slug(), a.title(), summary(a)))
                .orElse(null);
        String flow = properties.lookupFlow();
        return flows.statusStep(flow)
                .map(step -> flows.enterStatusStep(s, flow, step, intro, now, card))
                .orElseGet(() -> List.of(Replies.message(intro, List.of(SUBSCRIBE_REPLY, MENU), card)));
    }

    static final QuickReply SUBSCRIBE_REPLY = new QuickReply("订阅进展通知", "subscribe");

    /** Offers the subscription form for the maintenance or incident going on now. */
    private List<Reply> subscribe(ConversationState s) {
        var now = flows.status().disruption();
        List<QuickReply> next = s.inFlow() ? List.of(Replies.RESUME, MENU) : List.of(MENU);
        if (now.isEmpty()) {
            return List.of(Replies.message("目前系统没有正在进行的维护或故障，不需要订阅。还有什么可以帮您？", next));
        }
        var a = now.get();
        boolean incident = a.incidentId() != null;
        Card card = new Card.Subscribe(incident ? "INCIDENT" : "ANNOUNCEMENT",
                String.valueOf(incident ? a.incidentId() : a.id()), a.title(), "/api/notifications/subscriptions",
                "我同意将手机号/邮箱仅用于接收本次" + (incident ? "故障" : "维护") + "的进展通知，结束或退订后即删除。");
        return List.of(Replies.message("请在下面填写手机号或邮箱（可以都填），同意后提交即可。有新进展或"
                + (incident ? "恢复" : "维护结束") + "时会通知您；每条通知里都有退订链接。", next, card));
    }

    /** Typed invoice data: the lookup step keeps what was typed. */
    List<Reply> lookupTyped(ConversationState s) {
        return lookup(s);
    }

    /** Invoice data or "查一张发票": the lookup step of the current flow, else of the configured lookup flow. */
    private List<Reply> lookup(ConversationState s) {
        String flow = s.inFlow() && flows.verifyStep(s.getFlow()).isPresent() ? s.getFlow() : properties.lookupFlow();
        String step = flows.verifyStep(flow).orElseThrow();
        if (step.equals(s.getStep()) && flow.equals(s.getFlow())) {
            return flows.resume(s);
        }
        return flows.start(s, flow, step);
    }

    private List<Reply> article(ConversationState s, String slug) {
        return faq.article(slug).map(a -> List.of(Replies.message("这篇文章应该能回答您的问题：《" + a.title() + "》",
                        s.inFlow() ? List.of(MENU, Replies.RESUME) : List.of(MENU),
                        Replies.faqCard(a.slug(), a.title(), summary(a)))))
                .orElseGet(() -> stale(s));
    }

    private static String summary(Article article) {
        String text = Replies.plainText(article.body()).replaceAll("\\s+", " ");
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }

    private List<Reply> stale(ConversationState s) {
        return List.of(Replies.message("这个选项已经失效了，请重新选择。",
                s.inFlow() ? prepend(Replies.RESUME, Replies.MAIN_MENU) : Replies.MAIN_MENU));
    }

    private static List<QuickReply> prepend(QuickReply first, List<QuickReply> rest) {
        List<QuickReply> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
