package cn.invoicehelp.escalation;

/** A support agent as the queue knows them: sign-in name and the name visitors see. */
public record Agent(String username, String displayName) {
}
