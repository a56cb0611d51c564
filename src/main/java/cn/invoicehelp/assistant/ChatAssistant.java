package cn.invoicehelp.assistant;

import cn.invoicehelp.assistant.state.ConversationState;
import cn.invoicehelp.assistant.state.StateStore;
import cn.invoicehelp.assistant.state.StateJson;
import cn.invoicehelp.assistant.IntentClassifier.Ranked;
import cn.invoicehelp.assistant.Reply.QuickReply;
import cn.invoicehelp.escalation.FaultReporting;
import cn.invoicehelp.invoice.InvoiceField;
import cn.invoicehelp.knowledge.FaqSearch;
import cn.invoicehelp.knowledge.SearchResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The bot: reads a turn (quick-reply action or free text), lets the flow engine, the intents or the FAQ answer it,
 * and returns the new conversation state with the replies (stored by the caller, see {@link AssistantTurn}).
 */
class ChatAssistant implements Assistant {

    private static final int MAX_TEXT = 500;
    private static final QuickReply MENU = Replies.MENU;
    /** Below the answer threshold but still likely enough that one of two close articles is meant. */
    private static final double UNSURE = 0.2;

    private final IntentClassifier classifier;
    private final FlowEngine flows;
    private final EntityExtractor extractor;
    private final FaqSearch faq;
    private final StateStore states;
    private final AssistantProperties properties;
    private final Clock clock;
    private final Actions actions;
    private final FaultReportTalk reports;
    private final ReportTracking tracking;

    ChatAssistant(IntentClassifier classifier, FlowEngine flows, EntityExtractor extractor, FaqSearch faq,
            StateStore states, AssistantProperties properties, Clock clock, FaultReporting faultReports) {
        this.classifier = classifier;
        this.flows = flows;
        this.extractor = extractor;
        this.faq = faq;
        this.states = states;
        this.properties = properties;
        this.clock = clock;
        this.reports = new FaultReportTalk(faultReports, flows, clock);
        this.tracking = new ReportTracking(faultReports);
        this.actions = new Actions(flows, faq, properties, reports, tracking);
    }

    @Override
    public List<Reply> greet(UUID conversationId) {
        ConversationState s = states.load(conversationId).orElseGet(ConversationState::new);
        if (s.inFlow()) {
            return List.of(Replies.message("欢迎回来！上次的自查还没做完，要接着来吗？", List.of(Replies.RESUME, MENU)));
        }
        return List.of(Replies.menu("您好！这里是北京发票自助服务中心。发票在北京系统里查不到、想核对一张发票，"
                + "都可以直接告诉我，也可以点选下面的选项。"));
    }

    @Override
    public List<Reply> reply(UUID conversationId, String text, String action, String client) {
        AssistantTurn turn = answer(conversationId, text, action, client);
        remember(turn);
        return turn.replies();
    }

    @Override
    public AssistantTurn answer(UUID conversationId, String text, String action, String client) {
        ConversationState s = states.load(conversationId).orElseGet(ConversationState::new);
        s.client(client);
        s.setConversationId(conversationId);
        Optional<List<Reply>> outage = outageFirst(s, text, action);
        List<Reply> replies = outage.isPresent() ? outage.get()
                : action != null && !action.isBlank() ? actions.fromClient(s, action) : onText(s, text);
        String json = StateJson.write(s);
        return new AssistantTurn(replies, new AssistantTurn.Memory(conversationId, json, s.storedVersion(),
                s.unanswered(), s.differsFromStored(json)));
    }

    @Override
    public void remember(AssistantTurn turn) {
        AssistantTurn.Memory memory = turn.memory();
        if (memory == null) {
            return;
        }
        states.save(memory);
        memory.unanswered().forEach(faq::recordUnanswered);
    }

    /** Words of someone who cannot find an invoice or cannot work with the system. */
    private static final java.util.regex.Pattern OUTAGE_WORDS = java.util.regex.Pattern.compile(
            "查不到|查不了|查询不了|无法查询|查询失败|找不到|开不了|开不出|无法开票|不能开票|开票失败|打不开|登不上|登录不了|无法登录"
                    + "|用不了|报错|系统(?:故障|异常|维护|崩|挂|出问题|坏)|上传不了|导不出|申报不了");

    /**
     * While a maintenance window or incident is in force, the first turn of a "查不到 / 无法开票" conversation is told
     * so at once (once per announcement), instead of being walked through checks that cannot help.
     */
    private Optional<List<Reply>> outageFirst(ConversationState s, String text, String action) {
        if (s.isHandedOff() || s.getReportStep() != null || s.getTrackPending() != null || s.getAwaiting() != null) {
            return Optional.empty(); // in the middle of a report, a tracking query or an answer to a question
        }
        boolean aboutIt = action != null && !action.isBlank()
                ? Action.parse(action.strip()).map(a -> a.kind() == Action.Kind.FLOW || a.kind() == Action.Kind.LOOKUP
                        || a.kind() == Action.Kind.REPORT).orElse(false)
                : text != null && OUTAGE_WORDS.matcher(text).find();
        if (!aboutIt) {
            return Optional.empty();
        }
        return flows.status().disruption().filter(now -> !Long.valueOf(now.id()).equals(s.getStatusTold()))
                .map(now -> {
                    s.setStatusTold(now.id());
                    s.setMisses(0);
                    return actions.disruption(s, now);
                });
    }

    private List<Reply> onText(ConversationState s, String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            return List.of(Replies.menu("请输入您的问题，或者点选下面的选项。"));
        }
        // A fault report being filed or a tracking question takes the answer first; 5-2000 characters fit.
        if (reports.collecting(s)) {
            List<Reply> answer = reports.onText(s, text);
            if (answer != null) {
                return answer;
            }
        }
        text = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        if (tracking.awaiting(s)) {
            List<Reply> answer = tracking.onText(s, text);
            if (answer != null) {
                return answer;
            }
        }
        Entities entities = extractor.extract(text, expected(s), s.getSlots().keySet(), LocalDate.now(clock));
        List<Ranked> ranked = classifier.rank(text, 3);
        Ranked top = ranked.isEmpty() || ranked.get(0).confidence() < properties.intentThreshold() ? null
                : ranked.get(0);
        boolean question = top != null && top.intent().asksFaq();
        if (entities.trackingNumber() != null) {
            s.setMisses(0);
            return tracking.track(s, entities.trackingNumber(), text);
        }
        Optional<FlowEngine.Turn> turn = flows.onText(s, entities, top == null || question ? null : top.intent(), text);
        if (turn.isPresent()) {
            s.setMisses(0);
            return actions.finish(s, turn.get());
        }
        if (entities.hasPrintedField()) {
            s.setMisses(0);
            s.getSlots().putAll(entities.invoiceFields());
            return actions.lookupTyped(s);
        }
        // Outside a flow, a loose match on a reply-only intent (是/不是/谢谢) yields to a confident FAQ answer.
        boolean loose = top != null && top.intent().action() == null && !s.inFlow() && top.confidence() < 1f;
        SearchResponse found = top == null || question || loose ? search(s, text) : null;
        if (top != null && !question && !(loose && found.bestMatch() != null)) {
            s.setMisses(0);
            return clarifyIntents(s, top, ranked).orElseGet(() -> perform(s, top.intent()));
        }
        if (found.bestMatch() != null) {
            s.setMisses(0);
            return faqAnswer(s, found, text);
        }
        if (found.outOfScope() == null && found.confidence() >= UNSURE && closeHits(found)) {
            // Not sure enough to answer, but two articles fit about equally: ask which one rather than shrug.
            s.setMisses(0);
            return List.of(Replies.message("您想了解的是下面哪一个？", withResume(s, List.of(
                    Replies.quick(found.results().get(0).title(), Action.faq(found.results().get(0).slug())),
                    Replies.quick(found.results().get(1).title(), Action.faq(found.results().get(1).slug()))))));
        }
        if (found.outOfScope() != null) {
            s.setMisses(0);
            return List.of(Replies.message(found.outOfScope().message(),
                    withResume(s, s.inFlow() ? List.of() : List.of(MENU))));
        }
        s.unanswered(text);
        return miss(s);
    }

    /**
     * The FAQ's answer; right after a lookup, a question that points back at the result ("那金额应该填多少") is
     * searched together with the result's words, so it is answered about that result.
     */
    private SearchResponse search(ConversationState s, String text) {
        // The chat shows the passage answer, never highlighted snippets: no highlighting needed.
        SearchResponse plain = faq.searchWithoutHighlights(text, 3);
        if (!ResultContext.active(s) || plain.bestMatch() != null && !ResultContext.refersBack(text)
                && EntityExtractor.mentionedFields(text).isEmpty()) {
            return plain;
        }
        SearchResponse inContext = faq.searchWithoutHighlights(ResultContext.query(s, text), 3);
        return inContext.bestMatch() != null ? inContext : plain;
    }

    /** Fields the assistant waits for: the one it asked, else those the last lookup blamed (a correction). */
    private static List<InvoiceField> expected(ConversationState s) {
        return s.getAwaiting() != null ? List.of(s.getAwaiting()) : s.getProblemFields();
    }

    private Optional<List<Reply>> clarifyIntents(ConversationState s, Ranked top, List<Ranked> ranked) {
        if (ranked.size() < 2 || top.intent().action() == null) {
            return Optional.empty();
        }
        Ranked second = ranked.get(1);
        Action other = second.intent().action();
        // "问个问题" is no choice to offer: a question is answered from the FAQ, not by a button.
        if (other == null || second.intent().asksFaq() || other.equals(top.intent().action()) || top.confidence() >= 1f
                || second.confidence() < properties.intentThreshold()
                || top.confidence() - second.confidence() >= properties.clarifyMargin()) {
            return Optional.empty();
        }
        String a = top.intent().label();
        String b = second.intent().label();
        return Optional.of(List.of(Replies.message("您是想「" + a + "」，还是「" + b + "」？",
                withResume(s, List.of(Replies.quick(a, top.intent().action()), Replies.quick(b, other))))));
    }

    private List<Reply> perform(ConversationState s, Intent intent) {
        List<Reply> replies = new ArrayList<>();
        if (intent.action() == null) {
            replies.add(Replies.message(intent.reply(), s.inFlow() ? withResume(s, List.of()) : Replies.MAIN_MENU));
            return replies;
        }
        if (intent.reply() != null) {
            replies.add(Replies.text(intent.reply()));
        }
        replies.addAll(actions.run(s, intent.action()));
        return replies;
    }

    private boolean closeHits(SearchResponse found) {
        List<SearchResponse.SearchHit> hits = found.results();
        return hits.size() >= 2 && hits.get(1).score() >= hits.get(0).score() * properties.faqClarifyRatio();
    }

    private List<Reply> faqAnswer(ConversationState s, SearchResponse found, String text) {
        List<SearchResponse.SearchHit> hits = found.results();
        SearchResponse.SearchHit best = hits.stream().filter(h -> h.slug().equals(found.bestMatch())).findFirst()
                .orElse(hits.get(0));
        if (hits.size() >= 2 && best == hits.get(0)
                && hits.get(1).score() >= hits.get(0).score() * properties.faqClarifyRatio()) {
            SearchResponse.SearchHit next = hits.get(1);
            return List.of(Replies.message("您想了解的是下面哪一个？", withResume(s, List.of(
                    Replies.quick(best.title(), Action.faq(best.slug())),
                    Replies.quick(next.title(), Action.faq(next.slug()))))));
        }
        List<String> lines = new ArrayList<>();
        if (ResultContext.active(s)) {
            lines.addAll(ResultContext.explanations(s, EntityExtractor.mentionedFields(text)));
        }
        String passage = found.answer() != null && found.answer().slug().equals(best.slug()) ? found.answer().text()
                : null;
        lines.add(passage != null ? passage : "这篇文章应该能回答您的问题：《" + best.title() + "》");
        if (passage != null) {
            lines.add("（详见《" + best.title() + "》）");
        }
        String snippet = passage != null ? passage : Replies.plainText(best.snippet());
        return List.of(Replies.message(String.join("\n", lines), withResume(s, List.of(MENU)),
                Replies.faqCard(best.slug(), best.title(), snippet)));
    }

    private List<Reply> miss(ConversationState s) {
        s.setMisses(s.getMisses() + 1);
        if (s.getMisses() >= properties.missesBeforeHelp()) {
            return List.of(Replies.message("抱歉，我还是没能帮上忙。要不要转给人工客服，或者提交一份故障报告？",
                    withResume(s, List.of(Replies.HANDOFF, Replies.REPORT))));
        }
        List<QuickReply> options = new ArrayList<>(s.inFlow() ? List.of(Replies.RESUME) : List.of());
        options.addAll(Replies.MAIN_MENU);
        return List.of(Replies.message("这个问题我暂时帮不上忙。您可以换个说法，或者从下面选一项：", options));
    }

    /** Mid-flow, every answer offers the way back to the step the user left. */
    private static List<QuickReply> withResume(ConversationState s, List<QuickReply> options) {
        if (!s.inFlow()) {
            return options;
        }
        List<QuickReply> all = new ArrayList<>(options);
        all.add(Replies.RESUME);
        return all;
    }
}
