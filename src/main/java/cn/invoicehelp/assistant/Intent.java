package cn.invoicehelp.assistant;

import java.util.List;

/**
 * One thing a user may want, from knowledge-base/intents/*.yml: {@code action} is the quick-reply action it triggers
 * (null for intents that only matter inside a flow step, like affirm), {@code reply} an optional sentence to say.
 */
record Intent(String id, String label, Action action, String reply, List<String> examples) {

    boolean asksFaq() {
        return action != null && action.kind() == Action.Kind.FAQ;
    }
}
