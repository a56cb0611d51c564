package cn.invoicehelp.assistant;

import cn.invoicehelp.assistant.state.StateStore;
import cn.invoicehelp.escalation.FaultReporting;
import cn.invoicehelp.invoice.InvoiceVerification;
import cn.invoicehelp.knowledge.FaqSearch;
import cn.invoicehelp.knowledge.KnowledgeFolder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** Loads intents and flows from the knowledge base at start-up; a broken file stops the start with its name. */
@Configuration(proxyBeanMethods = false)
class AssistantConfiguration {

    @Bean
    Intents assistantIntents(KnowledgeFolder knowledge) {
        Path dir = knowledge.path();
        return new Intents(new IntentLoader().load(dir.resolve("intents")));
    }

    @Bean
    FlowEngine assistantFlows(KnowledgeFolder knowledge, Intents intents, @Lazy InvoiceVerification invoices,
            AssistantProperties properties, cn.invoicehelp.announcement.AnnouncementBoard announcements) {
        Path dir = knowledge.path();
        Map<String, Flow> flows = new FlowLoader().load(dir.resolve("flows"), intents.byId().keySet());
        String intentsDir = dir.resolve("intents").toString();
        intents.byId().values().stream().filter(i -> i.action() != null && i.action().kind() == Action.Kind.FLOW)
                .filter(i -> !flows.containsKey(i.action().argument())).findFirst().ifPresent(i -> {
                    throw new FlowDefinitionException(intentsDir, "intent '" + i.id() + "'",
                            "starts unknown flow '" + i.action().argument() + "'");
                });
        FlowEngine engine = new FlowEngine(flows, invoices, announcements::disruption);
        if (!engine.exists(properties.lookupFlow()) || engine.verifyStep(properties.lookupFlow()).isEmpty()) {
            throw new FlowDefinitionException(dir.resolve("flows").toString(), null, "helpdesk.assistant.lookup-flow '"
                    + properties.lookupFlow() + "' must exist and have a step with 'call: verify'");
        }
        return engine;
    }

    @Bean
    IntentClassifier assistantIntentClassifier(Intents intents, FaqSearch faq) {
        return new IntentClassifier(intents.byId(), faq);
    }

    @Bean
    ChatAssistant assistant(IntentClassifier classifier, FlowEngine flows, FaqSearch faq, StateStore states,
            AssistantProperties properties, Clock clock, FaultReporting faultReports) {
        return new ChatAssistant(classifier, flows, new EntityExtractor(), faq, states, properties,
                clock.withZone(ZoneId.of("Asia/Shanghai")), faultReports);
    }
}
