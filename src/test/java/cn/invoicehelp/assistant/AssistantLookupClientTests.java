package cn.invoicehelp.assistant;

import cn.invoicehelp.invoice.ClientKey;
import cn.invoicehelp.invoice.LookupsTooFrequent;
import cn.invoicehelp.invoice.VerificationRequest;
import cn.invoicehelp.invoice.VerificationResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The assistant's invoice lookups are made on behalf of the visitor's address, under the same per-client limit. */
class AssistantLookupClientTests {

    static final String LOOKUP = "帮我查下：发票代码011001900511，号码12345678，开票日期2024-12-20，校验码821713";

    final FakeFaq faq = new FakeFaq();
    final MemoryStates states = new MemoryStates();

    ChatAssistant assistant(FakeInvoices invoices) {
        Clock clock = Clock.fixed(Instant.parse("2025-03-10T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        Map<String, Intent> intents = new IntentLoader().load(Path.of("knowledge-base/intents"));
        Map<String, Flow> flows = new FlowLoader().load(Path.of("knowledge-base/flows"), intents.keySet());
        return new ChatAssistant(new IntentClassifier(intents, faq), new FlowEngine(flows, invoices),
                new EntityExtractor(), faq, states, AssistantProperties.DEFAULTS, clock, new FakeReports(clock));
    }

    @Test
    void lookupsAreMadeForTheVisitorsAddress() {
        FakeInvoices invoices = new FakeInvoices();

        assistant(invoices).reply(UUID.randomUUID(), LOOKUP, null, "203.0.113.7");

        assertThat(invoices.clients).containsExactly(new ClientKey("203.0.113.7"));
    }

    @Test
    void aClientOverItsLookupLimitIsToldToWaitInsteadOfGettingAnAnswer() {
        FakeInvoices invoices = new FakeInvoices() {
            @Override
            public VerificationResult verify(VerificationRequest request, ClientKey client) {
                throw new LookupsTooFrequent(Duration.ofSeconds(40));
            }
        };

        List<Reply> replies = assistant(invoices).reply(UUID.randomUUID(), LOOKUP, null, "203.0.113.7");

        assertThat(replies.get(replies.size() - 1).text()).contains("太频繁", "40 秒");
        assertThat(replies.get(replies.size() - 1).card()).isNull();
    }
}
