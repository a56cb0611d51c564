package cn.invoicehelp.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import cn.invoicehelp.invoice.VerificationResult.Outcome;
import cn.invoicehelp.invoice.VerificationResult.Problem;
import cn.invoicehelp.knowledge.PhraseIndex.Match;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChatAssistantTests {

    final FakeFaq faq = new FakeFaq();
    final FakeInvoices invoices = new FakeInvoices();
    final MemoryStates states = new MemoryStates();
    final UUID id = UUID.randomUUID();
    final Clock clock = Clock.fixed(Instant.parse("2025-03-10T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    final FakeReports reports = new FakeReports(clock);
    ChatAssistant assistant = newAssistant();

    ChatAssistant newAssistant() {
        Map<String, Intent> intents = new IntentLoader().load(Path.of("knowledge-base/intents"));
        Map<String, Flow> flows = new FlowLoader().load(Path.of("knowledge-base/flows"), intents.keySet());
        return new ChatAssistant(new IntentClassifier(intents, faq), new FlowEngine(flows, invoices),
                new EntityExtractor(), faq, states, AssistantProperties.DEFAULTS, clock, reports);
    }

    Reply say(String text) {
        return last(assistant.reply(id, text, null));
    }

    Reply tap(String action) {
        return last(assistant.reply(id, null, action));
    }

    static Reply last(List<Reply> replies) {
        assertThat(replies).isNotEmpty();
        return replies.get(replies.size() - 1);
    }

    @SuppressWarnings("unchecked")
    static List<String> stepsDone(Reply handoff) {
        return ((Card.Handoff) handoff.card()).stepsDone();
    }

    static List<String> actions(Reply reply) {
        return reply.quickReplies().stream().map(Reply.QuickReply::action).toList();
    }

    @Test
    void greetsWithMainMenuThatAlwaysOffersHandoff() {
        Reply greeting = last(assistant.greet(id));
        assertThat(greeting.type()).isEqualTo("message");
        assertThat(actions(greeting)).contains("flow:self-check", "lookup", "report", "handoff");
    }

    @Test
    void walksTheWholeSelfCheckAndEndsInAnInvoiceLookup() {
        Reply network = tap("flow:self-check");
        assertThat(network.text()).contains("网络");
        assertThat(actions(network)).contains("step:network:ok", "handoff");

        assertThat(say("网络正常").text()).contains("发票代码");
        assertThat(say("011001900511").text()).contains("发票号码");
        assertThat(say("１２３４ ５６７８").text()).contains("开票日期");
        assertThat(say("2024年12月20日").text()).contains("校验码");
        Reply result = say("821713");

        assertThat(invoices.verified).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("011001900511");
            assertThat(r.number()).isEqualTo("12345678");
            assertThat(r.issueDate()).isEqualTo("2024-12-20");
            assertThat(r.checkCode()).isEqualTo("821713");
        });
        assertThat(result.card()).isInstanceOfSatisfying(Card.Invoice.class, card -> {
            assertThat(card.result()).isEqualTo("NOT_FOUND");
            assertThat(card.message()).isNotBlank();
        });
        assertThat(actions(result)).contains("step:invoice:continue", "handoff");

        assertThat(tap("step:invoice:continue").text()).contains("类型");
        assertThat(tap("step:type:sure").text()).contains("维护");
        assertThat(say("没有").text()).contains("缓存");
        Reply contact = say("还是不行");
        assertThat(actions(contact)).contains("step:contact:human", "step:contact:report");
        assertThat(contact.quickReplies()).extracting(Reply.QuickReply::label).doesNotHaveDuplicates();
        Reply handoff = tap("step:contact:human");
        assertThat(handoff.type()).isEqualTo("handoff");
        assertThat(stepsDone(handoff)).containsExactly("检查网络连接", "核对发票号码和日期",
                "确认发票类型", "系统维护", "重启/重试", "联系人工/提交故障报告");
    }

    @Test
    void sendingTheSameInvoiceAgainDoesNotSpendAnotherLookup() {
        say("帮我查下：发票代码011001900511，号码12345678，开票日期2024-12-20，校验码821713");
        Reply again = say("12345678");

        assertThat(invoices.verified).hasSize(1);
        assertThat(again.text()).contains("刚才查询的一样");
    }

    @Test
    void invoiceDataTypedOutsideAFlowAsksOnlyForWhatIsMissing() {
        Reply reply = say("帮我查下：发票代码011001900511，号码12345678，开票日期2024-12-20");
        assertThat(reply.text()).contains("校验码").doesNotContain("发票代码”（");
        assertThat(invoices.verified).isEmpty();
    }

    @Test
    void foundInvoiceIsExplainedAndThanksEndsTheFlow() {
        invoices.outcomeByNumber.put("24112000000338897678", Outcome.FOUND);
        Reply found = say("数电票 24112000000338897678 日期2025年3月1日 价税合计1130元");
        assertThat(((Card.Invoice) found.card()).result()).isEqualTo("FOUND");
        assertThat(actions(found)).contains("step:invoice:solved");
        Reply end = say("非常感谢您");
        assertThat(end.text()).contains("很高兴");
        assertThat(actions(end)).contains("flow:self-check").doesNotContain("resume");
    }

    @Test
    void aNewLookupFromTheMenuDoesNotReuseTheLastInvoice() {
        invoices.outcomeByNumber.put("12345678", Outcome.FOUND);
        say("代码011001900511 号码12345678 日期20241220 校验码821713");
        tap("step:invoice:solved");
        Reply again = tap("lookup");
        assertThat(again.text()).contains("发票代码");
        assertThat(invoices.verified).hasSize(1);
    }

    @Test
    void mismatchLetsTheUserReenterTheBlamedField() {
        invoices.outcomeByNumber.put("12345678", Outcome.MISMATCH);
        invoices.problemsByNumber.put("12345678", List.of(new Problem("issueDate", "MISMATCH", "开票日期不一致")));
        Reply mismatch = say("代码011001900511 号码12345678 日期20241220 校验码821713");
        assertThat(((Card.Invoice) mismatch.card()).result()).isEqualTo("MISMATCH");

        Reply ask = tap("step:invoice:reenter");
        assertThat(ask.text()).contains("开票日期");
        say("2024-12-21");
        assertThat(invoices.verified).hasSize(2);
        assertThat(invoices.verified.get(1).issueDate()).isEqualTo("2024-12-21");
        assertThat(invoices.verified.get(1).checkCode()).isEqualTo("821713");
    }

    @Test
    void invalidInputIsAskedAgainRightAway() {
        invoices.outcomeByNumber.put("1234567", Outcome.INVALID);
        invoices.problemsByNumber.put("1234567", List.of(new Problem("number", "FORMAT", "发票号码应为8位数字")));
        List<Reply> replies = assistant.reply(id, "代码011001900511 号码1234567 日期20241220 校验码821713", null);
        assertThat(((Card.Invoice) replies.get(0).card()).result()).isEqualTo("INVALID");
        assertThat(last(replies).text()).contains("发票号码");
    }

    @Test
    void sideQuestionMidFlowIsAnsweredFromFaqAndTheStepResumes() {
        say("我想查一张发票");
        say("011001900511");
        Reply side = say("校验码在哪里看");
        assertThat(side.card()).isInstanceOfSatisfying(Card.Faq.class, card -> {
            assertThat(card.slug()).isEqualTo("check-code-where");
            assertThat(card.url()).isEqualTo("/help/articles/check-code-where");
            assertThat(card.snippet()).doesNotContain("<");
        });
        assertThat(actions(side)).contains("resume");

        assertThat(tap("resume").text()).contains("发票号码");
        assertThat(say("12345678").text()).contains("开票日期");
    }

    @Test
    void closeIntentsAskWhichOneWithBothAsQuickReplies() {
        faq.scripted.put("找人处理故障", List.of(new Match("handoff", 5f, 0.7f), new Match("report_fault", 4.9f, 0.68f)));
        Reply clarify = say("找人处理故障");
        assertThat(clarify.text()).contains("转人工").contains("提交故障报告");
        assertThat(actions(clarify)).startsWith("handoff", "report");
    }

    @Test
    void closeFaqHitsAskWhichArticle() {
        faq.docs.add(new FakeFaq.Doc("red-issue", "红字发票怎么开", "红字发票"));
        faq.docs.add(new FakeFaq.Doc("red-check", "红字发票怎么查", "红字发票"));
        Reply clarify = say("红字发票怎么");
        assertThat(actions(clarify)).contains("faq:red-issue", "faq:red-check");
        Reply article = tap("faq:red-check");
        assertThat(((Card.Faq) article.card()).title()).isEqualTo("红字发票怎么查");
    }

    @Test
    void twoMissesInARowOfferHandoffAndFaultReport() {
        Reply first = say("今天天气怎么样");
        assertThat(first.text()).contains("暂时帮不上忙");
        assertThat(actions(first)).contains("flow:self-check", "handoff").doesNotContain("resume");
        Reply second = say("推荐一家餐厅");
        assertThat(actions(second)).contains("handoff", "report");
        assertThat(faq.unanswered).containsExactly("今天天气怎么样", "推荐一家餐厅");
    }

    @Test
    void aTurnIsKeptOnlyWhenTheCallerRemembersIt() {
        AssistantTurn turn = assistant.answer(id, "今天天气怎么样", null, "10.0.0.1");
        assertThat(turn.replies()).isNotEmpty();
        assertThat(states.json).isEmpty();
        assertThat(faq.unanswered).isEmpty();

        assistant.remember(turn);
        assertThat(states.json).containsKey(id);
        assertThat(faq.unanswered).containsExactly("今天天气怎么样");
        // A second miss counts on from the stored state.
        assertThat(actions(say("推荐一家餐厅"))).contains("handoff", "report");
    }

    @Test
    void aTurnComputedFromAnOlderStateIsNotStoredOverANewerOne() {
        AssistantTurn stale = assistant.answer(id, "今天天气怎么样", null, "10.0.0.1");
        say("推荐一家餐厅");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assistant.remember(stale))
                .isInstanceOf(RuntimeException.class);
        assertThat(faq.unanswered).containsExactly("推荐一家餐厅");
    }

    @Test
    void answeredQuestionsAreNotNotedAsUnanswered() {
        say("校验码在哪里看");
        say("我想查一张发票");
        assertThat(faq.unanswered).isEmpty();
    }

    @Test
    void aBareCorrectionAfterAMismatchIsLookedUpAgain() {
        invoices.outcomeByNumber.put("12345678", Outcome.MISMATCH);
        invoices.problemsByNumber.put("12345678", List.of(new Problem("amount", "AMOUNT_MISMATCH", "金额不一致")));
        say("代码1100242130 号码12345678 2024-12-20 金额1130");
        assertThat(invoices.verified).singleElement().satisfies(r -> assertThat(r.amount()).isEqualTo("1130"));

        Reply again = say("不好意思，应该是1000");
        assertThat(invoices.verified).hasSize(2);
        assertThat(invoices.verified.get(1).amount()).isEqualTo("1000");
        assertThat(invoices.verified.get(1).issueDate()).isEqualTo("2024-12-20");
        assertThat(again.card()).isInstanceOf(Card.Invoice.class);
    }

    @Test
    void stateSurvivesANewAssistantOverTheSameStore() {
        tap("flow:self-check");
        say("网络正常");
        say("011001900511");

        assistant = newAssistant();
        assertThat(actions(last(assistant.greet(id)))).contains("resume");
        assertThat(say("12345678").text()).contains("开票日期");
        assertThat(((Card.Handoff) tap("handoff").card()).slots()).isEqualTo(Map.of("code", "011001900511", "number", "12345678"));
    }

    @Test
    void handoffAtAnyMomentListsTheStepsDone() {
        tap("flow:self-check");
        say("是的");
        Reply handoff = say("我要找人工客服");
        assertThat(handoff.type()).isEqualTo("handoff");
        assertThat(handoff.text()).contains("人工");
        assertThat(((Card.Handoff) handoff.card()).reason()).isEqualTo("user");
        assertThat(stepsDone(handoff)).containsExactly("检查网络连接");
    }

    @Test
    void faultReportKnowsTheInvoiceAsksForWhatIsMissingConfirmsAndFiles() {
        say("发票代码1100242130，号码12345678，开票日期2024年12月20日，金额1000元");
        Reply first = tap("report");
        assertThat(first.text()).contains("12345678").contains("/help/report").contains("描述");

        assertThat(say("查不到").text()).contains("太短");
        assertThat(say("查验平台提示查无此票").text()).contains("什么时候");
        assertThat(say("今天上午9点半").text()).contains("手机号码");
        assertThat(say("1380013").text()).contains("没有找到手机号码");
        Reply confirm = say("我的手机是 138-0013-8000");
        assertThat(confirm.text()).contains("2025年3月10日 09:30").contains("查验平台提示查无此票")
                .contains("138****8000").doesNotContain("13800138000");
        assertThat(actions(confirm)).contains("report:confirm", "report:cancel");
        assertThat(reports.filed).isEmpty();

        Reply filed = tap("report:confirm");
        assertThat(filed.type()).isEqualTo("report");
        Card.Report card = (Card.Report) filed.card();
        assertThat(card.stage()).isEqualTo("CONFIRMING");
        assertThat(card.stageLabel()).isEqualTo("确认原因");
        assertThat(card.dueAt()).isEqualTo("2025-03-10T04:00:00Z");
        String number = card.trackingNumber();
        assertThat(filed.text()).contains(number).contains("/help/track");
        var form = reports.filed.get(number);
        assertThat(form.invoiceNumbers()).containsExactly("12345678");
        assertThat(form.occurredAt()).isEqualTo("2025-03-10T09:30");
        assertThat(form.phone()).isEqualTo("138-0013-8000");
        assertThat(form.conversationId()).isEqualTo(id);
        assertThat(form.attachments().lookupResults()).isNotEmpty();

        Reply progress = say("我的报障进度 " + number);
        assertThat(progress.text()).contains("手机号码或电子邮箱");
        Reply answer = say("13800138000");
        assertThat(answer.type()).isEqualTo("report");
        assertThat(answer.text()).contains(number).contains("确认原因");
        assertThat(((Card.Report) answer.card()).trackingNumber()).isEqualTo(number);
        assertThat(((Card.Report) answer.card()).stage()).isEqualTo("CONFIRMING");
    }

    @Test
    void aReportCanBeCancelledAndNothingIsFiled() {
        tap("report");
        say("页面一直提示系统异常");
        assertThat(say("算了").text()).contains("已取消");
        assertThat(reports.filed).isEmpty();
        assertThat(tap("report:confirm").text()).contains("失效");
    }

    @Test
    void trackingNumberWithOneWrongCharacterIsCaughtByItsCheckCharacter() {
        String number = reports.file(new cn.invoicehelp.escalation.FaultReportForm(null, null, "2025-03-10T09:00",
                "页面一直提示系统异常", "13800138000", null, null, null)).trackingNumber();
        char wrong = number.charAt(10) == '7' ? '8' : '7';
        String typo = number.substring(0, 10) + wrong + number.substring(11);
        assertThat(say("我的报障进度 " + typo).text()).contains("校验位");
        Reply progress = say("我的报障进度 " + number.toLowerCase() + " 手机13800138000");
        assertThat(((Card.Report) progress.card()).trackingNumber()).isEqualTo(number);
    }

    @Test
    void checkCodeIsMaskedInTheHandoffCard() {
        say("校验码75477538000103821713");
        Reply handoff = tap("handoff");
        assertThat(((Card.Handoff) handoff.card()).slots().get("checkCode")).isEqualTo("**************821713");
    }

    @Test
    void staleOrUnknownActionsAreAnsweredPolitely() {
        Reply reply = tap("step:nowhere:x");
        assertThat(reply.type()).isEqualTo("message");
        assertThat(reply.text()).contains("失效");
    }

    @Test
    void restartGoesBackToTheFirstStep() {
        tap("flow:self-check");
        say("网络正常");
        Reply restarted = say("重新开始");
        assertThat(restarted.text()).contains("网络");
    }
}
