package cn.invoicehelp.assistant;

import cn.invoicehelp.invoice.InvoiceVerification;
import cn.invoicehelp.knowledge.FaqSearch;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads intents and flows from the knowledge base at start-up; a broken file stops the start with its name. */
@Configuration(proxyBeanMethods = false)
class AssistantConfiguration {

    @Bean
    ChatAssistant assistant(@Value("${helpdesk.knowledge.dir:knowledge-base}") Path dir, FaqSearch faq,
            InvoiceVerification invoices, StateStore states, AssistantProperties properties) {
        Map<String, Intent> intents = new IntentLoader().load(dir.resolve("intents"));
        Map<String, Flow> flows = new FlowLoader().load(dir.resolve("flows"), intents.keySet());
        intents.values().stream().filter(i -> i.action() != null && i.action().startsWith("flow:"))
                .filter(i -> !flows.containsKey(i.action().substring(5))).findFirst().ifPresent(i -> {
                    throw new FlowDefinitionException(dir.resolve("intents").toString(), "intent '" + i.id() + "'",
                            "starts unknown flow '" + i.action().substring(5) + "'");
                });
        return new ChatAssistant(new IntentClassifier(intents, faq), new FlowEngine(flows, invoices),
                new EntityExtractor(), faq, states, properties, Clock.system(java.time.ZoneId.of("Asia/Shanghai")));
    }
}
