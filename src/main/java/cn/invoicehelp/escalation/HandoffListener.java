package cn.invoicehelp.escalation;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Queues every hand-off for the agents. Idempotent: a republished event does not queue the conversation twice. */
@Component
class HandoffListener {

    private final HandoffRequests requests;
    private final JsonMapper json;

    HandoffListener(HandoffRequests requests, JsonMapper json) {
        this.requests = requests;
        this.json = json;
    }

    @ApplicationModuleListener
    void on(HandoffRequested event) {
        if (requests.existsByConversationIdAndStatus(event.conversationId(), HandoffRequest.WAITING)) {
            return;
        }
        requests.save(new HandoffRequest(event.conversationId(), json.writeValueAsString(event.transcript()),
                json.writeValueAsString(event.stepsDone()), event.requestedAt()));
    }
}
