package cn.invoicehelp.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import cn.invoicehelp.invoice.InvoiceField;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityExtractorTests {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 10);
    final EntityExtractor extractor = new EntityExtractor();

    Map<String, String> fields(String text, String expected) {
        return keys(extractor.extract(text, expected == null ? null : InvoiceField.byKey(expected).orElseThrow(), TODAY));
    }

    static Map<String, String> keys(Entities entities) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        entities.fields().forEach((k, v) -> out.put(k.key(), v));
        return out;
    }

    @ParameterizedTest(name = "[{index}] {0} -> {2}={3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            发票代码1100171320                       | -         | code      | 1100171320
            代码：011001900511                       | -         | code      | 011001900511
            011001900511                             | -         | code      | 011001900511
            ０１１００１９００５１１                  | -         | code      | 011001900511
            0110 0190 0511                           | -         | code      | 011001900511
            号码 12345678                            | -         | number    | 12345678
            １２３４ ５６７８                         | -         | number    | 12345678
            发票号码是２４１１２００００００３３８８９７６７８ | -    | number    | 24112000000338897678
            24112000000338897678                     | -         | number    | 24112000000338897678
            校验码 75477538000103821713              | -         | checkCode | 75477538000103821713
            校验码后六位821713                        | -         | checkCode | 821713
            75477538000103821713                     | checkCode | checkCode | 75477538000103821713
            821713                                   | checkCode | checkCode | 821713
            开票日期2024-12-20                        | -         | issueDate | 2024-12-20
            2024/12/20开的                           | -         | issueDate | 2024-12-20
            2024年12月20日                            | -         | issueDate | 2024-12-20
            ２０２４年１２月２０日                     | -         | issueDate | 2024-12-20
            日期20241220                             | -         | issueDate | 2024-12-20
            开票日期：20241220                        | -         | issueDate | 2024-12-20
            20241220                                 | issueDate | issueDate | 2024-12-20
            12月20日开的票                            | -         | issueDate | 2024-12-20
            3月1日开的                                | -         | issueDate | 2025-03-01
            开票日期是昨天                             | -         | issueDate | 2025-03-09
            前天开的票                                 | -         | issueDate | 2025-03-08
            今天开的                                   | -         | issueDate | 2025-03-10
            ¥1,234.56                                | -         | amount    | 1234.56
            ￥１，２３４．５６                          | -         | amount    | 1234.56
            1234.56元                                 | -         | amount    | 1234.56
            金额1234.56                               | -         | amount    | 1234.56
            价税合计 1,130                            | -         | amount    | 1130
            不含税金额：-100.5                         | -         | amount    | -100.5
            1000                                     | amount    | amount    | 1000
            是电子专票                                 | -         | type      | E_SPECIAL
            电子普通发票                               | -         | type      | E_NORMAL
            增值税专用发票                             | -         | type      | SPECIAL
            普票                                      | -         | type      | NORMAL
            数电票                                    | -         | type      | DIGITAL_NORMAL
            全电专票                                  | -         | type      | DIGITAL_SPECIAL
            卷票                                      | -         | type      | ROLL
            通行费电子普票                             | -         | type      | TOLL
            机动车销售统一发票                          | -         | type      | VEHICLE
            二手车发票                                 | -         | type      | USED_VEHICLE
            """)
    void extractsOneField(String text, String expected, String field, String value) {
        assertThat(fields(text, expected)).containsEntry(field, value);
    }

    @Test
    void readsAWholeInvoiceWithLabels() {
        assertThat(fields("代码 1100171320，号码：12345678，日期 2024年12月20日，金额¥1,000.00", null))
                .containsEntry("code", "1100171320").containsEntry("number", "12345678")
                .containsEntry("issueDate", "2024-12-20").containsEntry("amount", "1000.00")
                .hasSize(4);
    }

    @Test
    void eightDigitRunNextToDateWordIsADateNotANumber() {
        assertThat(fields("开票日期20241220，号码12345678", null))
                .containsEntry("issueDate", "2024-12-20").containsEntry("number", "12345678");
        assertThat(fields("号码20241220", null)).containsEntry("number", "20241220").doesNotContainKey("issueDate");
    }

    @Test
    void unlabelledEightDigitRunIsTheNumberAndASecondRecentOneTheDate() {
        assertThat(fields("12345678 20241220", null))
                .containsEntry("number", "12345678").containsEntry("issueDate", "2024-12-20");
        assertThat(fields("20241220", null)).containsEntry("number", "20241220").doesNotContainKey("issueDate");
    }

    @Test
    void twentyDigitRunIsANumberUnlessLabelledCheckCode() {
        assertThat(fields("24112000000338897678", null)).containsKey("number").doesNotContainKey("checkCode");
        assertThat(fields("校验码24112000000338897678", null)).containsKey("checkCode").doesNotContainKey("number");
    }

    @Test
    void spacedGroupsThatAreWholeIdentifiersStaySeparate() {
        assertThat(fields("011001900511 12345678", null))
                .containsEntry("code", "011001900511").containsEntry("number", "12345678");
        assertThat(fields("1100 1713 20 1234 5678", null)).containsEntry("code", "1100171320")
                .containsEntry("number", "12345678");
    }

    @Test
    void wordsAboutTodayAreNoIssueDate() {
        assertThat(fields("今天在北京系统里查不到发票", null)).isEmpty();
    }

    @Test
    void futureMonthDayMeansLastYear() {
        assertThat(fields("12月20日开的", null)).containsEntry("issueDate", "2024-12-20");
    }

    @Test
    void invalidDatesAreIgnored() {
        assertThat(fields("日期2024-13-45", null)).doesNotContainKey("issueDate");
    }

    @Test
    void findsTrackingNumberAndKeepsItOutOfInvoiceFields() {
        Entities e = extractor.extract("查一下进度 bj250301-0k7qm2xp-w", null, TODAY);
        assertThat(e.trackingNumber()).isEqualTo("BJ2503010K7QM2XPW");
        assertThat(e.fields()).isEmpty();
    }

    @Test
    void plainQuestionsCarryNoEntities() {
        assertThat(extractor.extract("我的发票在北京系统里查不到怎么办", null, TODAY).fields()).isEmpty();
        assertThat(extractor.extract("", null, TODAY)).isEqualTo(Entities.NONE);
    }

    @Test
    void aBareDateAfterTheNumberIsTheIssueDate() {
        Entities later = extractor.extract("20241220", java.util.List.of(),
                java.util.Set.of(InvoiceField.CODE, InvoiceField.NUMBER), TODAY);
        assertThat(keys(later)).containsEntry("issueDate", "2024-12-20").doesNotContainKey("number");

        Entities first = extractor.extract("12345678", java.util.List.of(), java.util.Set.of(InvoiceField.CODE), TODAY);
        assertThat(keys(first)).containsEntry("number", "12345678");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            代码1100242130 号码12345699 2024-12-20 金额1000
            1100242130 12345699 2024-12-20 1000
            1100242130	12345699	2024-12-20	1000
            1100242130,12345699,2024/12/20,1000
            代码 1100242130 号码 12345699 日期 24-12-20 金额 1000
            1100242130 12345699 24年12月20号 1000元
            invoice code 1100242130 number 12345699 date 2024-12-20 amount 1000
            发票代码：1100242130，发票号码：12345699，开票日期：2024年12月20号，价税合计 1000
            """)
    void readsAWholeInvoiceHoweverItIsSeparated(String text) {
        assertThat(fields(text.replace("\\t", "\t"), null)).containsEntry("code", "1100242130")
                .containsEntry("number", "12345699").containsEntry("issueDate", "2024-12-20")
                .containsEntry("amount", "1000").hasSize(4);
    }

    @Test
    void readsFieldsOnSeparateLines() {
        assertThat(fields("011001900511\n12345678\n2024年12月20日\n821713", null))
                .containsEntry("code", "011001900511").containsEntry("number", "12345678")
                .containsEntry("issueDate", "2024-12-20").containsEntry("checkCode", "821713");
    }

    @Test
    void neverGluesANumberToTheYearOfADate() {
        assertThat(fields("号码12345699 2024 12 20", null)).containsEntry("number", "12345699");
        assertThat(fields("12345699 2024-12-20", null)).containsEntry("number", "12345699")
                .containsEntry("issueDate", "2024-12-20");
    }

    @Test
    void aValueWithWordsAroundItFillsTheFieldBeingCorrected() {
        var amount = java.util.List.of(InvoiceField.AMOUNT);
        var known = java.util.Set.of(InvoiceField.CODE, InvoiceField.NUMBER, InvoiceField.ISSUE_DATE);
        assertThat(keys(extractor.extract("1000", amount, known, TODAY))).containsEntry("amount", "1000");
        assertThat(keys(extractor.extract("不好意思，应该是1000", amount, known, TODAY))).containsEntry("amount", "1000");
        assertThat(keys(extractor.extract("金额改成1000元", amount, known, TODAY))).containsEntry("amount", "1000")
                .hasSize(1);
    }

    @Test
    void twoDigitYearsThatWouldBeInTheFutureAreNoDates() {
        assertThat(fields("日期 30-12-20", null)).doesNotContainKey("issueDate");
        assertThat(fields("12月20号开的", null)).containsEntry("issueDate", "2024-12-20");
    }
}
