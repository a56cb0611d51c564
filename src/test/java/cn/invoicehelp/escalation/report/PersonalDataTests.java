package cn.invoicehelp.escalation.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Sensitive numbers are recognised; contacts match as people type them and are shown masked. */
class PersonalDataTests {

    @Test
    void residentIdNumbersWithAValidCheckDigitAreFound() {
        assertThat(SensitiveNumbers.find("身份证 11010519491231002X")).contains(SensitiveNumbers.Kind.RESIDENT_ID);
        assertThat(SensitiveNumbers.find("110105 19491231 002x")).contains(SensitiveNumbers.Kind.RESIDENT_ID);
        assertThat(SensitiveNumbers.find("１１０１０５１９４９１２３１００２Ｘ")).contains(SensitiveNumbers.Kind.RESIDENT_ID);
        assertThat(SensitiveNumbers.find("编号 110105194912310021")).isEmpty(); // wrong check digit, fails Luhn too
    }

    @Test
    void bankCardNumbersPassingLuhnAreFound() {
        assertThat(SensitiveNumbers.find("卡号4111111111111112")).isEmpty();
        assertThat(SensitiveNumbers.find("卡号 4111111111111111")).contains(SensitiveNumbers.Kind.BANK_CARD);
        assertThat(SensitiveNumbers.find("4111 1111 1111 1111")).contains(SensitiveNumbers.Kind.BANK_CARD);
        assertThat(SensitiveNumbers.find("4111-1111-1111-1112")).isEmpty();
    }

    @Test
    void invoiceNumbersPhonesAndCodesAreNotSensitive() {
        assertThat(SensitiveNumbers.find("发票号码 25117000000000000001，代码 1100242130，手机 13800138000")).isEmpty();
        assertThat(SensitiveNumbers.find("12345678")).isEmpty();
    }

    @Test
    void contactsMatchIgnoringSpacesDashesCountryCodeAndCase() {
        String phone = Contacts.phone("138-0013-8000");
        assertThat(phone).isEqualTo("13800138000");
        assertThat(Contacts.matches("+86 138 0013 8000", phone, null)).isTrue();
        assertThat(Contacts.matches("0086-13800138000", phone, null)).isTrue();
        assertThat(Contacts.matches("13800138001", phone, null)).isFalse();
        assertThat(Contacts.matches("Zhang.San@Example.COM ", null, Contacts.email("zhang.san@example.com"))).isTrue();
        assertThat(Contacts.matches("", phone, null)).isFalse();
        assertThat(Contacts.phone("010-12345678")).isEqualTo("01012345678");
        assertThat(Contacts.phone("12345")).isNull();
        assertThat(Contacts.email("not-an-email")).isNull();
    }

    @Test
    void contactsAreMasked() {
        assertThat(Contacts.maskPhone("13812341234")).isEqualTo("138****1234");
        assertThat(Contacts.maskPhone("01012345678")).isEqualTo("010****5678");
        assertThat(Contacts.maskEmail("zhang@example.com")).isEqualTo("z***@example.com");
    }
}
