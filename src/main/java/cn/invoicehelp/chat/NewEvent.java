package cn.invoicehelp.chat;

/** An event about to be appended to the log (seq and time are assigned on append). JSON fields already encoded. */
record NewEvent(String type, String sender, String text, String clientMessageId, boolean userEcho, String action,
                String quickRepliesJson, String cardJson) {

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
