package cn.invoicehelp.assistant;

import cn.invoicehelp.escalation.FaultReportFiled;
import cn.invoicehelp.escalation.FaultReporting;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A report filed on the form or through the API that names a chat conversation gets what the assistant collected in
 * it (steps done, invoice fields, lookup results), the same as a report filed in the chat. Escalation stays unaware
 * of the assistant: it publishes {@link FaultReportFiled}, the assistant answers through {@link FaultReporting}.
 */
@Component
class ConversationAttachments {

    private final StateStore states;
    private final FlowEngine flows;
    private final FaultReporting reports;

    ConversationAttachments(StateStore states, FlowEngine flows, FaultReporting reports) {
        this.states = states;
        this.flows = flows;
        this.reports = reports;
    }

    @ApplicationModuleListener
    void on(FaultReportFiled filed) {
        if (filed.conversationId() == null) {
            return;
        }
        states.load(filed.conversationId()).ifPresent(state -> reports.attachCollected(filed.trackingNumber(),
                filed.conversationId(), FaultReportTalk.collected(state, flows)));
    }
}
