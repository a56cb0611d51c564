package cn.invoicehelp.escalation.handoff;

import cn.invoicehelp.escalation.HandoffRequested;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Queues every hand-off for the agents. Idempotent: a republished event does not queue the conversation twice. */
@Component
class HandoffListener {

    private final HandoffQueue handoffs;

    HandoffListener(HandoffQueue handoffs) {
        this.handoffs = handoffs;
    }

    @ApplicationModuleListener
    void on(HandoffRequested event) {
        handoffs.enqueue(event);
    }
}
