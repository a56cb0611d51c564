package cn.invoicehelp.invoice.internal;

import cn.invoicehelp.invoice.InvoiceType;
import cn.invoicehelp.invoice.VerificationRequest;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceRulesTests {

    @Test
    void defaultsFollowTheNationalPlatform() {
        InvoiceProperties defaults = new InvoiceProperties(null, null, null, null, null, null);

        assertThat(defaults.dailyLookups()).isEqualTo(5);
        assertThat(defaults.windowYears()).isEqualTo(5);
        assertThat(defaults.clientPerMinute()).isEqualTo(30);
        assertThat(defaults.clientFailuresPerInvoice()).isEqualTo(5);
    }

    @Test
    void readsTheTypeFromTheCodeDigits() {
        assertThat(InvoiceCodes.typeOf("1100242130")).contains(InvoiceType.SPECIAL);
        assertThat(InvoiceCodes.typeOf("1100171320")).contains(InvoiceType.NORMAL);
        assertThat(InvoiceCodes.typeOf("011001900511")).contains(InvoiceType.E_NORMAL);
        assertThat(InvoiceCodes.typeOf("011002000113")).contains(InvoiceType.E_SPECIAL);
        assertThat(InvoiceCodes.typeOf("137012325306")).contains(InvoiceType.VEHICLE);
        assertThat(InvoiceCodes.typeOf("111001571071")).contains(InvoiceType.E_NORMAL);
        assertThat(InvoiceCodes.wellFormed("1100242199")).isFalse();
    }

    @Test
    void namesProvincesAndCitiesFromRegionDigits() {
        assertThat(Regions.name("4403")).contains("深圳");
        assertThat(Regions.name("4401")).contains("广东");
        assertThat(Regions.name("32")).contains("江苏");
        assertThat(Regions.name("99")).isEqualTo(Optional.empty());
    }

    @Test
    void understandsTheWordsPeopleUseForTypes() {
        assertThat(InvoiceTypes.parse("专票")).contains(InvoiceType.SPECIAL);
        assertThat(InvoiceTypes.parse("电子专票")).contains(InvoiceType.E_SPECIAL);
        assertThat(InvoiceTypes.parse("全电发票")).contains(InvoiceType.DIGITAL_NORMAL);
        assertThat(InvoiceTypes.parse("DIGITAL_SPECIAL")).contains(InvoiceType.DIGITAL_SPECIAL);
        assertThat(InvoiceTypes.parse("火车票")).isEmpty();
    }

    @Test
    void cleansWhatPeopleTypeAroundTheDigits() {
        InvoiceInput input = InvoiceInput.of(new VerificationRequest(" １１００ ２４２１３０ ", "1234-5678", "2024/12/20",
                "¥1,000.00元", "7547 7538 0001 0382 1713", null));

        assertThat(input.code()).isEqualTo("1100242130");
        assertThat(input.number()).isEqualTo("12345678");
        assertThat(input.issueDate()).hasToString("2024-12-20");
        assertThat(input.amount()).isEqualByComparingTo("1000");
        assertThat(input.checkCode()).isEqualTo("821713");
    }
}
