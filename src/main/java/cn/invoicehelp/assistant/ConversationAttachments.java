package cn.invoicehelp.assistant;

import cn.invoicehelp.assistant.state.StateStore;
import cn.invoicehelp.escalation.FaultReportFiled;
import cn.invoicehelp.escalation.FaultReporting;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
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

    /**
     * Asynchronous after the filing commits and tracked by the publication registry, but without a transaction around
     * it: the chat attaches the transcript at the same moment, and only a transaction of its own lets
     * {@link FaultReporting#attachCollected} see a lost version race and read the report again (joined to an outer
     * transaction the conflict surfaced only at its commit, after the retries, and the attachment was lost).
     */
    @Async
    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(FaultReportFiled filed) {
        if (filed.conversationId() == null) {
            return;
        }
        states.load(filed.conversationId()).ifPresent(state -> reports.attachCollected(filed.trackingNumber(),
                filed.conversationId(), FaultReportTalk.collected(state, flows)));
    }
}
