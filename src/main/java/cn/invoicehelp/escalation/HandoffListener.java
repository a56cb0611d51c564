package cn.invoicehelp.escalation;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Queues every hand-off for the agents. Idempotent: a republished event does not queue the conversation twice. */
@Component
class HandoffListener {

    private final Handoffs handoffs;

    HandoffListener(Handoffs handoffs) {
        this.handoffs = handoffs;
    }

    @ApplicationModuleListener
    void on(HandoffRequested event) {
        handoffs.enqueue(event);
    }
}
