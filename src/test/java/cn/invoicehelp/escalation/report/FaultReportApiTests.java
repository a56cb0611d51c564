package cn.invoicehelp.escalation.report;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A visitor files a report and follows it: every rule of the form, right and wrong contacts, limits. */
class FaultReportApiTests extends FaultReportContext {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final java.util.concurrent.atomic.AtomicInteger REPORTS = new java.util.concurrent.atomic.AtomicInteger();

    /** A good form; each one different, so no two tests meet in the duplicate check. */
    static Map<String, Object> form() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("invoiceNumbers", List.of("12345678"));
        form.put("invoiceType", "SPECIAL");
        form.put("occurredAt", "2025-03-10T09:30:00+08:00");
        form.put("description", "查验平台提示查无此票，已经等了两天（第 " + REPORTS.incrementAndGet() + " 次）");
        form.put("phone", "138-0013-8000");
        return form;
    }

    ResultActions file(Object body, RequestPostProcessor client) throws Exception {
        return mvc.perform(post("/api/fault-reports").with(client).contentType(MediaType.APPLICATION_JSON)
                .content(body instanceof String s ? s : JSON.writeValueAsString(body)));
    }

    JsonNode filed(Map<String, Object> form) throws Exception {
        MvcResult result = file(form, newClient()).andExpect(status().isCreated()).andReturn();
        return JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    ResultActions track(String number, String contact, RequestPostProcessor client) throws Exception {
        var request = get("/api/fault-reports/{n}", number).with(client);
        if (contact != null) {
            request.param("contact", contact);
        }
        return mvc.perform(request);
    }

    /** The message given for {@code field} when {@code value} is sent in an otherwise good form. */
    String messageFor(String field, Object value) throws Exception {
        Map<String, Object> form = form();
        form.put(field, value);
        MvcResult result = file(form, newClient()).andExpect(status().isBadRequest()).andReturn();
        JsonNode errors = JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).get("errors");
        for (JsonNode e : errors) {
            if (e.get("field").asString().startsWith(field)) {
                return e.get("message").asString();
            }
        }
        throw new AssertionError("no error for " + field + ": " + errors);
    }

    @Test
    void filingAnswersWithTheTrackingNumberTheFirstStageAndItsDueTime() throws Exception {
        file(form(), newClient()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.trackingNumber").value(org.hamcrest.Matchers.matchesPattern("BJ250310[0-9A-Z]{9}")))
                .andExpect(jsonPath("$.stage").value("CONFIRMING"))
                .andExpect(jsonPath("$.stageLabel").value("确认原因"))
                .andExpect(jsonPath("$.dueAt").value("2025-03-10T04:00:00Z"));
    }

    @Test
    void everyInvoiceTypeOfTheDirectoryIsAcceptedByItsCode() {
        // The rules take the list from the invoice module: a type added there is accepted here.
        for (cn.invoicehelp.invoice.InvoiceType type : cn.invoicehelp.invoice.InvoiceType.values()) {
            Map<String, Object> form = form();
            form.put("invoiceType", type.name().toLowerCase(java.util.Locale.ROOT));
            assertThat(FaultReportRules.problems(new cn.invoicehelp.escalation.FaultReportForm(List.of("12345678"),
                    (String) form.get("invoiceType"), "2025-03-10T09:00:00+08:00", "查验平台提示查无此票",
                    "13800138000", null, null, null), CLOCK)).as(type.name()).isEmpty();
        }
    }

    @Test
    void everyRuleHasItsOwnMessage() throws Exception {
        assertThat(messageFor("description", "查不到")).contains("太短").contains("5");
        assertThat(messageFor("description", "长".repeat(2001))).contains("太长").contains("2000");
        assertThat(messageFor("description", "   ")).contains("请描述故障");
        assertThat(messageFor("description", 42)).contains("应为文本");
        assertThat(messageFor("occurredAt", null)).contains("请填写故障发生时间");
        assertThat(messageFor("occurredAt", "昨天下午")).contains("格式不正确");
        assertThat(messageFor("occurredAt", "2025-03-11T09:00:00+08:00")).contains("不能晚于现在");
        assertThat(messageFor("phone", "12345")).contains("11 位手机号码").contains("区号");
        assertThat(messageFor("email", "zhang@")).contains("电子邮箱格式不正确");
        assertThat(messageFor("invoiceNumbers", List.of("1234"))).contains("8 位").contains("20 位");
        assertThat(messageFor("invoiceNumbers", "12345678")).contains("列表");
        assertThat(messageFor("invoiceNumbers", java.util.Collections.nCopies(11, "12345678"))).contains("最多");
        assertThat(messageFor("invoiceType", "机票")).contains("发票类型不正确").contains("DIGITAL_NORMAL（数电票）")
                .contains("SPECIAL（专票）");
        assertThat(messageFor("conversationId", "abc")).contains("conversationId");
        assertThat(messageFor("priority", "high")).contains("不认识的字段");

        Map<String, Object> noContact = form();
        noContact.remove("phone");
        file(noContact, newClient()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("contact"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("手机号码")));
    }

    @Test
    void severalWrongFieldsAreReportedTogether() throws Exception {
        file(Map.of("description", "短", "phone", "abc"), newClient()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("occurredAt")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("description")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("phone")));
    }

    @Test
    void residentIdsAndBankCardsAreRefusedWithoutBeingStored() throws Exception {
        assertThat(messageFor("description", "我的身份证号是11010519491231002X，麻烦查一下"))
                .contains("身份证").contains("敏感个人信息");
        assertThat(messageFor("description", "退款请打到 4111 1111 1111 1111")).contains("银行卡").contains("敏感个人信息");
        assertThat(messageFor("phone", "11010519491231002X")).contains("身份证");
        assertThat(messageFor("invoiceNumbers", List.of("4111111111111111"))).contains("银行卡");
    }

    @Test
    void badJsonAndEmptyBodiesGetA400InChinese() throws Exception {
        file("{\"description\": ", newClient()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("JSON")));
        file("[1,2]", newClient()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("对象")));
        mvc.perform(post("/api/fault-reports").with(newClient()).contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value(containsString("不能为空")));
    }

    @Test
    void hugeBodiesAreRefusedBeforeParsing() throws Exception {
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(tenMegabytes, (byte) '[');
        mvc.perform(post("/api/fault-reports").with(newClient()).contentType(MediaType.APPLICATION_JSON)
                        .content(tenMegabytes))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.error").value(containsString("太大")));
    }

    @Test
    void theSameReportTwiceWithinAMinuteGivesTheFirstNumber() throws Exception {
        Map<String, Object> form = form();
        form.put("description", "重复提交测试：查验平台提示查无此票");
        String first = filed(form).get("trackingNumber").asString();
        CLOCK.advance(Duration.ofSeconds(30));
        assertThat(filed(form).get("trackingNumber").asString()).isEqualTo(first);
        CLOCK.advance(Duration.ofSeconds(31));
        assertThat(filed(form).get("trackingNumber").asString()).isNotEqualTo(first);
    }

    @Test
    void oneClientFilingTooOftenIsAskedToWait() throws Exception {
        RequestPostProcessor client = newClient();
        for (int i = 0; i < 10; i++) {
            Map<String, Object> form = form();
            form.put("description", "限流测试第 " + i + " 份报告");
            file(form, client).andExpect(status().isCreated());
        }
        Map<String, Object> form = form();
        form.put("description", "限流测试第 11 份报告");
        file(form, client).andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.error").value(containsString("稍后")));
        file(form, newClient()).andExpect(status().isCreated());
    }

    @Test
    void theVisitorFollowsTheReportWithThePhoneOrEmailAsTyped() throws Exception {
        Map<String, Object> form = form();
        form.put("email", "Zhang.San@Example.com");
        String number = filed(form).get("trackingNumber").asString();

        for (String contact : List.of("13800138000", "+86 138 0013 8000", "138-0013-8000", "zhang.san@example.COM")) {
            track(number, contact, newClient()).andExpect(status().isOk())
                    .andExpect(jsonPath("$.trackingNumber").value(number))
                    .andExpect(jsonPath("$.stage").value("CONFIRMING"))
                    .andExpect(jsonPath("$.stageLabel").value("确认原因"))
                    .andExpect(jsonPath("$.overdue").value(false))
                    .andExpect(jsonPath("$.stages", hasSize(5)))
                    .andExpect(jsonPath("$.stages[0].startedAt").value("2025-03-10T02:00:00Z"))
                    .andExpect(jsonPath("$.stages[0].dueAt").value("2025-03-10T04:00:00Z"))
                    .andExpect(jsonPath("$.stages[1].label").value("实施修复"))
                    .andExpect(jsonPath("$.stages[1].startedAt").doesNotExist())
                    .andExpect(jsonPath("$.updates", hasSize(0)))
                    .andExpect(jsonPath("$.createdAt").value("2025-03-10T02:00:00Z"))
                    .andExpect(jsonPath("$.phone").doesNotExist())
                    .andExpect(jsonPath("$.email").doesNotExist());
        }
        // Lower case and dashes in the number are fine too.
        track(number.toLowerCase().substring(0, 8) + "-" + number.substring(8).toLowerCase(), "13800138000", newClient())
                .andExpect(status().isOk());
    }

    @Test
    void unknownNumberAndWrongContactLookTheSame() throws Exception {
        String number = filed(form()).get("trackingNumber").asString();
        MvcResult wrongContact = track(number, "13900139000", newClient()).andExpect(status().isNotFound()).andReturn();
        String unknown = cn.invoicehelp.escalation.TrackingNumbers.next(CLOCK);
        MvcResult unknownNumber = track(unknown, "13800138000", newClient()).andExpect(status().isNotFound()).andReturn();
        assertThat(wrongContact.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(unknownNumber.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("没有找到");
    }

    @Test
    void aMistypedCharacterIsCaughtByTheCheckCharacter() throws Exception {
        String number = filed(form()).get("trackingNumber").asString();
        char wrong = number.charAt(12) == 'A' ? 'B' : 'A';
        String typo = number.substring(0, 12) + wrong + number.substring(13);
        track(typo, "13800138000", newClient()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("trackingNumber"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("校验位")));
        track("BJ123", "13800138000", newClient()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("格式不正确")));
        track(number, null, newClient()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("contact"));
    }

    @Test
    void guessingContactsOfOneNumberIsThrottledEvenForTheRightOne() throws Exception {
        String number = filed(form()).get("trackingNumber").asString();
        for (int i = 0; i < 5; i++) {
            track(number, "1390013900" + i, newClient()).andExpect(status().isNotFound());
        }
        track(number, "13800138000", newClient()).andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        CLOCK.advance(Duration.ofMinutes(16));
        track(number, "13800138000", newClient()).andExpect(status().isOk());
    }

    @Test
    void oneClientGuessingManyNumbersIsThrottled() throws Exception {
        RequestPostProcessor client = newClient();
        for (int i = 0; i < 20; i++) {
            track(cn.invoicehelp.escalation.TrackingNumbers.next(CLOCK), "13800138000", client)
                    .andExpect(status().isNotFound());
        }
        String number = filed(form()).get("trackingNumber").asString();
        track(number, "13800138000", client).andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.error").value(containsString("稍后")));
        track(number, "13800138000", newClient()).andExpect(status().isOk());
    }

    @Test
    void aLateStageIsShownAsOverdueNotAsALie() throws Exception {
        String number = filed(form()).get("trackingNumber").asString();
        CLOCK.advance(Duration.ofHours(3));
        track(number, "13800138000", newClient()).andExpect(status().isOk())
                .andExpect(jsonPath("$.overdue").value(true))
                .andExpect(jsonPath("$.statusText").value("处理中，已超出预计时间"));
    }

    @Test
    void helpPagesToFileAndFollowAReportAreServed() throws Exception {
        mvc.perform(get("/help/report")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl("/help/report.html"));
        mvc.perform(get("/help/track")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl("/help/track.html"));
        mvc.perform(get("/help/index.html")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("href=\"/help/report\"")));
        mvc.perform(get("/help/report.js")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(not(containsString("innerHTML"))));
    }
}
