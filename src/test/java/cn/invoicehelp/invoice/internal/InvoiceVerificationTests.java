package cn.invoicehelp.invoice.internal;

import cn.invoicehelp.invoice.ClientKey;
import cn.invoicehelp.invoice.InvoiceField;
import cn.invoicehelp.invoice.InvoiceVerification;
import cn.invoicehelp.invoice.VerificationRequest;
import cn.invoicehelp.invoice.VerificationResult.Outcome;
import cn.invoicehelp.invoice.VerificationResult.Problem;
import cn.invoicehelp.invoice.VerificationResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Every outcome of a lookup, on the real database filled with the documented demo samples. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class InvoiceVerificationTests {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    InvoiceVerification verification;

    @Autowired
    InvoiceProperties properties;

    @Autowired
    InvoiceImporter importer;

    /** Each test asks from its own client address, so the per-client budgets of one test never touch another's. */
    ClientKey client;

    @BeforeEach
    void client(TestInfo test) {
        client = new ClientKey("test:" + test.getDisplayName());
    }

    private VerificationResult verify(String code, String number, String date, String amount, String check) {
        return verify(client, code, number, date, amount, check);
    }

    private VerificationResult verify(ClientKey who, String code, String number, String date, String amount,
            String check) {
        return verification.verify(new VerificationRequest(code, number, date, amount, check, null), who);
    }

    /** A special invoice (专票) of its own, so the daily counts of the documented samples are not touched. */
    private void importSpecialInvoice(String number) throws Exception {
        String csv = ImportRow.HEADER + "\n1100242130," + number + ",SPECIAL,2024-12-20,1000.00,130.00,1130.00,,"
                + "北京测试科技有限公司,91110000MA01TEST0X,北京买方有限公司,91110000MA01BUYE0X,NORMAL,"
                + "2024-12-20T10:00:00+08:00\n";
        assertThat(importer.importCsv(new java.io.StringReader(csv)).inserted()).isEqualTo(1);
    }

    @Test
    void findsANormalSpecialInvoiceAndMasksTaxIds() {
        VerificationResult result = verify("1100242130", "12345678", "20241220", "1000.00", null);

        assertThat(result.result()).isEqualTo(Outcome.FOUND);
        assertThat(result.status()).isEqualTo("正常");
        assertThat(result.invoice()).containsEntry("total", "1130.00").containsEntry("sellerName", "北京示例科技有限公司")
                .containsEntry("sellerTaxId", "9111**********CD2X");
        assertThat(result.message()).contains("信息一致");
    }

    @Test
    void toleratesFullWidthDigitsSpacesAndAWholeCheckCode() {
        VerificationResult result = verification.verify(new VerificationRequest("０１１００２４００１１１", "2345 6789",
                "2024-08-15", null, "75477538000103821713", "电子普票"), client);

        assertThat(result.result()).isEqualTo(Outcome.FOUND);
    }

    @Test
    void findsADigitalInvoiceByNumberAndTotalIncludingTax() {
        VerificationResult result = verify(null, "24112000000012345678", "2024-11-05", "2260", null);

        assertThat(result.result()).isEqualTo(Outcome.FOUND);
        assertThat(result.invoice()).doesNotContainKey("code");
    }

    @Test
    void explainsVoidedAndRedReversedInvoices() {
        VerificationResult voided = verify("1100232530", "34567890", "20230630", "8800", null);
        VerificationResult reversed = verify("011002300311", "45678901", "20230912", null, "445555");

        assertThat(voided.status()).isEqualTo("作废");
        assertThat(voided.message()).contains("作废", "重新开具");
        assertThat(reversed.status()).isEqualTo("红冲");
        assertThat(reversed.message()).contains("红字发票");
    }

    @Test
    void namesTheFieldThatDiffersAndTheMistakeBehindItWithoutTheStoredValue() {
        VerificationResult withTax = verify("1100242130", "12345678", "20241220", "1130.00", null);

        assertThat(withTax.result()).isEqualTo(Outcome.MISMATCH);
        assertThat(withTax.problems()).extracting(Problem::field).containsExactly("amount");
        assertThat(withTax.message()).contains("不含税").doesNotContain("1000");
        assertThat(withTax.invoice()).isNull();

        VerificationResult wrongDate = verify("1100242130", "12345678", "20241221", "1000", null);
        assertThat(wrongDate.problems()).extracting(Problem::field).containsExactly("issueDate");

        VerificationResult wrongCheck = verify("011002400111", "23456789", "20240815", null, "000000");
        assertThat(wrongCheck.problems()).extracting(Problem::field).containsExactly("checkCode");
    }

    @Test
    void listsLikelyCausesWhenNotFound() {
        VerificationResult result = verify("1100242130", "87654321", "20241220", "1000", null);

        assertThat(result.result()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(result.message()).contains("输入有误", "同步");
        assertThat(result.nextSteps()).anyMatch(step -> step.contains("故障报告"));
        assertThat(result.invoice()).isNull();
    }

    @Test
    void asksToRetryTomorrowForAnInvoiceIssuedToday() {
        String code = "1100" + String.format("%02d", TODAY.getYear() % 100) + "2130";
        VerificationResult result = verify(code, "99999998", TODAY.toString(), "100", null);

        assertThat(result.result()).isEqualTo(Outcome.TOO_EARLY);
        assertThat(result.message()).contains("次日");
    }

    @Test
    void refusesInvoicesOlderThanFiveYears() {
        VerificationResult result = verify("1100182130", "12345670", TODAY.minusYears(5).minusDays(1).toString(), "100",
                null);

        assertThat(result.result()).isEqualTo(Outcome.OUT_OF_WINDOW);
    }

    @Test
    void sendsOtherProvincesToTheNationalPlatform() {
        VerificationResult shenzhen = verify("044031900111", "12345678", "20241220", null, "123456");
        VerificationResult guangdong = verify(null, "23442000000087225540", "20230301", "100", null);

        assertThat(shenzhen.result()).isEqualTo(Outcome.OTHER_REGION);
        assertThat(shenzhen.message()).contains("深圳", "inv-veri.chinatax.gov.cn");
        assertThat(guangdong.message()).contains("广东");
    }

    @Test
    void answersTheConfiguredNumberOfMatchingLookupsOfAnInvoiceADayAndRefusesTheNext() throws Exception {
        importSpecialInvoice("11223344");
        for (int i = 0; i < properties.dailyLookups(); i++) {
            ClientKey someone = new ClientKey("owner-device-" + i);
            assertThat(verify(someone, "1100242130", "11223344", "20241220", "1000", null).result())
                    .isEqualTo(Outcome.FOUND);
        }
        VerificationResult next = verify("1100242130", "11223344", "20241220", "1000", null);

        assertThat(next.result()).isEqualTo(Outcome.LIMIT_EXCEEDED);
        assertThat(next.message()).contains("明天");
    }

    @Test
    void aStrangerGuessingCannotUseUpTheOwnersLookups() throws Exception {
        importSpecialInvoice("11223366");
        ClientKey stranger = new ClientKey("stranger");
        int tries = properties.clientFailuresPerInvoice();
        for (int i = 0; i < tries; i++) {
            assertThat(verify(stranger, "1100242130", "11223366", "20241220", String.valueOf(i + 1), null).result())
                    .isEqualTo(Outcome.MISMATCH);
        }
        for (int i = 0; i < properties.dailyLookups(); i++) {
            VerificationResult refused = verify(stranger, "1100242130", "11223366", "20241220", "7", null);
            assertThat(refused.result()).isEqualTo(Outcome.LIMIT_EXCEEDED);
            assertThat(refused.message()).contains("您今天对这张发票");
        }

        assertThat(verify(new ClientKey("owner"), "1100242130", "11223366", "20241220", "1000", null).result())
                .as("the owner, with the right amount, still gets the answer").isEqualTo(Outcome.FOUND);
        assertThat(verify(new ClientKey("owner"), "1100242130", "11223366", "20241220", "1130", null).result())
                .as("and may still get a mismatch explained").isEqualTo(Outcome.MISMATCH);
    }

    @Test
    void unknownNumbersRunOutOfTriesPerClientOnly() {
        for (int i = 0; i < properties.clientFailuresPerInvoice(); i++) {
            assertThat(verify("1100242130", "11223377", "20241220", "1", null).result()).isEqualTo(Outcome.NOT_FOUND);
        }
        assertThat(verify("1100242130", "11223377", "20241220", "1", null).result())
                .isEqualTo(Outcome.LIMIT_EXCEEDED);
        assertThat(verify(new ClientKey("someone else"), "1100242130", "11223377", "20241220", "1", null).result())
                .isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void invalidInputIsNotCountedAgainstTheDailyLimit() {
        for (int i = 0; i < properties.clientFailuresPerInvoice() + 2; i++) {
            assertThat(verify("1100242130", "11223355", "20241220", null, null).result()).isEqualTo(Outcome.INVALID);
        }
        assertThat(verify("1100242130", "11223355", "20241220", "1", null).result()).isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void namesEachMissingOrMalformedField() {
        assertThat(verify("1100242130", "12345678", "20241220", null, null).problems())
                .extracting(Problem::field).containsExactly("amount");
        assertThat(verify("011002400111", "23456789", "20240815", null, null).problems())
                .extracting(Problem::field).containsExactly("checkCode");
        assertThat(verify(null, "24112000000012345678", "20241105", null, null).problems())
                .extracting(Problem::field).containsExactly("amount");
        assertThat(verify(null, "12345678", "20241220", "1", null).problems())
                .extracting(Problem::field).contains("code");
        assertThat(verify("12345", "1234567", "2024-13-45", "abc", null).problems())
                .extracting(Problem::field).contains("code", "number", "issueDate");
        assertThat(verify("1100242130", "12345678", TODAY.plusDays(1).toString(), "1", null).problems())
                .extracting(Problem::code).containsExactly("FUTURE");
        assertThat(verify("011002400111", "23456789", "20240815", null, "12345").problems())
                .extracting(Problem::field).containsExactly("checkCode");
    }

    @Test
    void tellsTheAssistantWhichFieldsAreStillMissing() {
        assertThat(verification.missingFields(new VerificationRequest("011002400111", "23456789", null, null, null,
                null))).containsExactlyInAnyOrder(InvoiceField.ISSUE_DATE, InvoiceField.CHECK_CODE);
        assertThat(verification.missingFields(new VerificationRequest(null, "24112000000012345678", "20241105", null,
                null, null))).containsExactly(InvoiceField.AMOUNT);
        assertThat(verification.missingFields(new VerificationRequest("1100242130", "12345678", "20241220", "1000",
                null, null))).isEmpty();
    }
}
