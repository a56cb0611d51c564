package cn.invoicehelp.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Phrasings that are NOT in knowledge-base/intents, classified with the real FAQ phrase index. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntentClassificationTests {

    @Autowired
    IntentClassifier classifier;

    @Autowired
    AssistantProperties properties;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            麻烦帮我转一下人工                 | handoff
            能不能让客服人员跟我聊              | handoff
            我要投诉你们的系统                 | handoff
            帮我提交一份故障报告               | report_fault
            系统故障了要报修                   | report_fault
            我之前报的故障处理进度如何          | track_report
            北京系统里就是查不到我这张发票      | start_self_check
            发票查验一直显示查无此票           | start_self_check
            帮我验一下这张发票的真假            | lookup_invoice
            嗨，你好呀                         | greeting
            好的呀                            | affirm
            还是不行啊                         | deny
            谢谢你的帮助                       | thanks
            好了没事了，拜拜                   | goodbye
            回到主菜单                         | menu
            全部重新开始吧                     | restart
            """)
    void recognisesUnseenPhrasings(String text, String intent) {
        List<IntentClassifier.Ranked> ranked = classifier.rank(text, 3);
        assertThat(ranked).isNotEmpty();
        assertThat(ranked.get(0).intent().id()).as("top intent for %s (%s)", text, ranked).isEqualTo(intent);
        assertThat(ranked.get(0).confidence()).as("confidence for %s", text)
                .isGreaterThanOrEqualTo(properties.intentThreshold());
    }

    /** Questions about invoices go to the FAQ: either the ask_faq intent wins or no action intent is confident. */
    @ParameterizedTest
    @CsvSource(textBlock = """
            发票号码在票面哪个位置
            专票的金额填含税还是不含税
            开票日期是指什么
            发票代码是什么东西
            当天开的票能查吗
            """)
    void leavesQuestionsToTheFaq(String text) {
        IntentClassifier.Ranked top = classifier.rank(text, 1).get(0);
        assertThat(top.intent().id().equals("ask_faq") || top.confidence() < properties.intentThreshold())
                .as("%s -> %s", text, top).isTrue();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            今天北京天气怎么样
            推荐一部好看的电影
            股票明天会涨吗
            """)
    void leavesOutOfDomainMessagesUnclassified(String text) {
        assertThat(classifier.rank(text, 1)).allSatisfy(r -> assertThat(r.confidence())
                .as("%s -> %s", text, r).isLessThan(properties.intentThreshold()));
    }
}
