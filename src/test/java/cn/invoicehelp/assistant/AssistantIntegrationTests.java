package cn.invoicehelp.assistant;

import cn.invoicehelp.assistant.state.StateStore;
import static org.assertj.core.api.Assertions.assertThat;

import cn.invoicehelp.knowledge.FaqSearch;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The assistant as the application wires it: real FAQ phrase index, real state table. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AssistantIntegrationTests {

    @Autowired
    Assistant assistant;

    @Autowired
    IntentClassifier classifier;

    @Autowired
    FlowEngine flows;

    @Autowired
    FaqSearch faq;

    @Autowired
    StateStore states;

    @Autowired
    cn.invoicehelp.escalation.FaultReporting reports;

    @Autowired
    AssistantProperties properties;

    final UUID id = UUID.randomUUID();

    static Reply last(List<Reply> replies) {
        return replies.get(replies.size() - 1);
    }

    @Test
    void stateSurvivesARestartThroughTheDatabase() {
        last(assistant.reply(id, null, "flow:self-check"));
        Reply fix = last(assistant.reply(id, "网络有问题", null));
        assertThat(fix.text()).contains("VPN");

        Assistant afterRestart = new ChatAssistant(classifier, flows, new EntityExtractor(), faq, states, properties,
                Clock.systemDefaultZone(), reports);
        assertThat(last(afterRestart.greet(id)).quickReplies()).extracting(Reply.QuickReply::action).contains("resume");
        Reply contact = last(afterRestart.reply(id, "还是不行", null));
        assertThat(contact.quickReplies()).extracting(Reply.QuickReply::action).contains("step:contact:report");

        Reply handoff = last(afterRestart.reply(id, "麻烦帮我转一下人工", null));
        assertThat(handoff.isHandoff()).isTrue();
        assertThat(((Card.Handoff) handoff.card()).stepsDone()).isEqualTo(List.of("检查网络连接", "处理网络问题"));
    }

    @Test
    void sideQuestionMidFlowIsAnsweredFromTheRealFaqAndTheStepResumes() {
        assistant.reply(id, null, "flow:self-check");
        Reply side = last(assistant.reply(id, "校验码印在发票哪里", null));
        assertThat(side.card()).isInstanceOf(Card.Faq.class);
        assertThat(((Card.Faq) side.card()).url()).startsWith("/help/articles/");
        assertThat(((Card.Faq) side.card()).snippet()).doesNotContain("<mark>");
        assertThat(side.quickReplies()).extracting(Reply.QuickReply::action).contains("resume", "handoff");

        Reply resumed = last(assistant.reply(id, null, "resume"));
        assertThat(resumed.quickReplies()).extracting(Reply.QuickReply::action).contains("step:network:ok");
    }

    // Sample invoices of the invoice module's demo data; each used at most twice here, the daily limit being 5.

    @Test
    void wholeSelfCheckWalkEndsInARealLookupThatFindsTheInvoice() {
        assistant.reply(id, null, "flow:self-check");
        assertThat(last(assistant.reply(id, "网络正常", null)).text()).contains("发票代码");
        assertThat(last(assistant.reply(id, "代码 1100 2325 30", null)).text()).contains("发票号码");
        assertThat(last(assistant.reply(id, "34567890", null)).text()).contains("开票日期");
        assertThat(last(assistant.reply(id, "2023年6月30日", null)).text()).contains("金额");
        Reply found = last(assistant.reply(id, "8,800.00元", null));
        assertThat(((Card.Invoice) found.card()).result()).isEqualTo("FOUND");
        assertThat(((Card.Invoice) found.card()).status()).isEqualTo("作废");
        assertThat(found.text()).isNotBlank();
        assertThat(found.quickReplies()).extracting(Reply.QuickReply::action).contains("step:invoice:solved");
        assertThat(last(assistant.reply(id, "谢谢", null)).text()).contains("很高兴");
    }

    @Test
    void realMismatchLetsTheUserReenterTheCheckCode() {
        Reply mismatch = last(assistant.reply(id, "电子普票 代码011002300311 号码45678901 日期2023-09-12 校验码999999", null));
        assertThat(((Card.Invoice) mismatch.card()).result()).isEqualTo("MISMATCH");
        Reply ask = last(assistant.reply(id, null, "step:invoice:reenter"));
        assertThat(ask.text()).contains("校验码");
        Reply found = last(assistant.reply(id, "11112222333344445555", null));
        assertThat(((Card.Invoice) found.card()).result()).isEqualTo("FOUND");
    }

    @Test
    void realNotFoundOffersTheNextSelfCheckStep() {
        Reply notFound = last(assistant.reply(id, "专票 1100242130 号码99999991 开票日期20241220 金额1000", null));
        assertThat(((Card.Invoice) notFound.card()).result()).isEqualTo("NOT_FOUND");
        assertThat(((Card.Invoice) notFound.card()).nextSteps()).isNotEmpty();
        assertThat(notFound.quickReplies()).extracting(Reply.QuickReply::action)
                .contains("step:invoice:continue", "handoff");
    }

    @Test
    void digitalInvoiceNeedsNoCode() {
        Reply found = last(assistant.reply(id, "数电专票 24112000000012345678 2024年11月5日开的 价税合计2260元", null));
        assertThat(((Card.Invoice) found.card()).result()).isEqualTo("FOUND");
    }

    @Test
    void outOfDomainMessagesGetAnHonestAnswerAndTheMenu() {
        Reply reply = last(assistant.reply(id, "推荐一部好看的电影", null));
        assertThat(reply.text()).contains("暂时帮不上忙");
        assertThat(reply.quickReplies()).extracting(Reply.QuickReply::action).contains("flow:self-check", "handoff");
    }
}
