package cn.invoicehelp.assistant.state;

import cn.invoicehelp.assistant.Assistant;
import cn.invoicehelp.invoice.InvoiceField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the assistant remembers about one conversation; stored as JSON so a restart resumes the flow. Public for the
 * assistant's flows and replies in the module's base package.
 */
public class ConversationState {

    private String flow;
    private String step;
    private Map<InvoiceField, String> slots = new LinkedHashMap<>();
    private List<String> stepsDone = new ArrayList<>();
    private int misses;
    private InvoiceField awaiting;
    private String outcome;
    private List<InvoiceField> problemFields = new ArrayList<>();
    private String verifyStep;
    private String lastStatus;
    private Map<InvoiceField, String> problemMessages = new LinkedHashMap<>();
    private boolean handedOff;
    /** Id of the maintenance/incident announcement this conversation was already told about. */
    private Long statusTold;
    private String reportStep;
    private Map<String, String> report = new LinkedHashMap<>();
    private String trackPending;
    private java.util.UUID conversationId;
    /** Who sent the current turn (not stored): invoice lookups count against this client's limit. */
    private transient String client;

    /** Version of the stored row this state was read from, null if none (not stored). */
    private transient Long storedVersion;
    /** The stored JSON this state was read from, null if none (not stored): an unchanged state is not written. */
    private transient String storedJson;
    /** Questions of the current turn nobody could answer (not stored): kept with the state in one transaction. */
    private transient List<String> unanswered;

    public Long storedVersion() {
        return storedVersion;
    }

    public void stored(Long version, String json) {
        this.storedVersion = version;
        this.storedJson = json;
    }

    /** Whether {@code json} (this state written now) differs from what was stored, or nothing was stored yet. */
    public boolean differsFromStored(String json) {
        return storedVersion == null || !json.equals(storedJson);
    }

    public void unanswered(String question) {
        if (unanswered == null) {
            unanswered = new ArrayList<>(1);
        }
        unanswered.add(question);
    }

    public List<String> unanswered() {
        return unanswered == null ? List.of() : unanswered;
    }

    public String client() {
        return client == null ? Assistant.UNKNOWN_CLIENT : client;
    }

    public void client(String client) {
        this.client = client;
    }

    public boolean inFlow() {
        return flow != null && step != null;
    }

    public void markDone(String stepId) {
        if (!stepsDone.contains(stepId)) {
            stepsDone.add(stepId);
        }
    }

    public void leaveFlow() {
        flow = null;
        step = null;
        awaiting = null;
        outcome = null;
        problemFields.clear();
        problemMessages.clear();
        lastStatus = null;
    }

    public String getFlow() { return flow; }
    public void setFlow(String flow) { this.flow = flow; }
    public String getStep() { return step; }
    public void setStep(String step) { this.step = step; }
    public Map<InvoiceField, String> getSlots() { return slots; }
    public void setSlots(Map<InvoiceField, String> slots) { this.slots = new LinkedHashMap<>(slots); }
    public List<String> getStepsDone() { return stepsDone; }
    public void setStepsDone(List<String> stepsDone) { this.stepsDone = new ArrayList<>(stepsDone); }
    public int getMisses() { return misses; }
    public void setMisses(int misses) { this.misses = misses; }
    public InvoiceField getAwaiting() { return awaiting; }
    public void setAwaiting(InvoiceField awaiting) { this.awaiting = awaiting; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public List<InvoiceField> getProblemFields() { return problemFields; }
    public void setProblemFields(List<InvoiceField> fields) { this.problemFields = new ArrayList<>(fields); }
    public String getVerifyStep() { return verifyStep; }
    public void setVerifyStep(String verifyStep) { this.verifyStep = verifyStep; }
    public String getLastStatus() { return lastStatus; }
    public void setLastStatus(String lastStatus) { this.lastStatus = lastStatus; }
    public Map<InvoiceField, String> getProblemMessages() { return problemMessages; }
    public void setProblemMessages(Map<InvoiceField, String> messages) {
        this.problemMessages = new LinkedHashMap<>(messages);
    }
    public boolean isHandedOff() { return handedOff; }
    public Long getStatusTold() { return statusTold; }
    public void setStatusTold(Long statusTold) { this.statusTold = statusTold; }
    public void setHandedOff(boolean handedOff) { this.handedOff = handedOff; }
    /** The fault-report question being asked (description, occurredAt, contact, confirm), or null. */
    public String getReportStep() { return reportStep; }
    public void setReportStep(String reportStep) { this.reportStep = reportStep; }
    /** The fault report collected so far. */
    public Map<String, String> getReport() { return report; }
    public void setReport(Map<String, String> report) { this.report = new LinkedHashMap<>(report); }
    /** A tracking number waiting for its contact ("-" while the number itself is awaited), or null. */
    public String getTrackPending() { return trackPending; }
    public void setTrackPending(String trackPending) { this.trackPending = trackPending; }
    public java.util.UUID getConversationId() { return conversationId; }
    public void setConversationId(java.util.UUID conversationId) { this.conversationId = conversationId; }
}
