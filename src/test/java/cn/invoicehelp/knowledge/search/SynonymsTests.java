package cn.invoicehelp.knowledge.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SynonymsTests {

    private final Synonyms synonyms = Synonyms.parse(List.of(
            "# comment", "数电票,全电发票,全面数字化的电子发票", "红冲,红字发票", "查无此票 => 查不到", ""));

    @Test
    void appendsTheCanonicalTermOfEveryGroupMentioned() {
        assertThat(synonyms.expand("全电发票怎么查")).isEqualTo("全电发票怎么查 数电票");
        assertThat(synonyms.expand("开了红字发票，提示查无此票")).contains("红冲", "查不到");
    }

    @Test
    void leavesTextWithoutSynonymsAlone() {
        assertThat(synonyms.expand("网络连接不上")).isEqualTo("网络连接不上");
    }

    @Test
    void appliesOneWayRulesOnlyInTheirDirection() {
        assertThat(synonyms.expand("查不到")).isEqualTo("查不到");
    }
}
