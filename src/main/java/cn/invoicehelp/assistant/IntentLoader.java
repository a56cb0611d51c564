package cn.invoicehelp.assistant;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads knowledge-base/intents/*.yml (one intent per file) and checks each is usable. */
final class IntentLoader {

    static final int MIN_EXAMPLES = 5;

    Map<String, Intent> load(Path dir) {
        Map<String, Intent> intents = new LinkedHashMap<>();
        for (Path file : Yamls.files(dir)) {
            Map<String, Object> root = Yamls.read(file);
            String f = file.toString();
            String id = Yamls.text(root, "intent");
            if (id == null) {
                throw new FlowDefinitionException(f, null, "missing 'intent'");
            }
            String where = "intent '" + id + "'";
            String label = Yamls.text(root, "label");
            String actionName = Yamls.text(root, "action");
            String reply = Yamls.text(root, "reply");
            List<String> examples = Yamls.list(root, "examples").stream().map(String::valueOf)
                    .map(String::strip).filter(e -> !e.isEmpty()).toList();
            if (label == null) {
                throw new FlowDefinitionException(f, where, "missing 'label'");
            }
            Action action = actionName == null ? null : Action.parseIn(actionName, Action.IN_INTENTS,
                    message -> new FlowDefinitionException(f, where, message));
            if (examples.size() < MIN_EXAMPLES) {
                throw new FlowDefinitionException(f, where, "needs at least " + MIN_EXAMPLES + " examples");
            }
            if (intents.put(id, new Intent(id, label, action, reply, examples)) != null) {
                throw new FlowDefinitionException(f, where, "duplicate intent id");
            }
        }
        return intents;
    }
}
