package cn.invoicehelp.chat;

/** An event about to be appended to the log (seq and time are assigned on append). JSON fields already encoded. */
record NewEvent(String type, String sender, String text, String clientMessageId, boolean userEcho, String action,
                String quickRepliesJson, String cardJson, String senderName) {

    NewEvent(String type, String sender, String text, String clientMessageId, boolean userEcho, String action,
             String quickRepliesJson, String cardJson) {
        this(type, sender, text, clientMessageId, userEcho, action, quickRepliesJson, cardJson, null);
    }

    /** An agent's message: the clientMessageId is kept (idempotency) but not shown to the visitor. */
    static NewEvent agentMessage(String text, String clientMessageId, String agentName) {
        return new NewEvent("message", "agent", text, clientMessageId, false, null, null, null, agentName);
    }

    static NewEvent userMessage(String text, String clientMessageId, String action) {
        return new NewEvent("message", "user", text, clientMessageId, true, action, null, null);
    }

    static NewEvent system(String type, String text, String clientMessageId) {
        return new NewEvent(type, "system", text, clientMessageId, false, null, null, null);
    }

    static NewEvent error(String text, String clientMessageId) {
        return system("error", text, clientMessageId);
    }
}
