package cn.invoicehelp.assistant;

import cn.invoicehelp.invoice.InvoiceField;
import java.util.List;
import java.util.Map;

/** A guided flow loaded from knowledge-base/flows/*.yml: steps in order, each asking or looking something up. */
record Flow(String id, String title, String start, Map<String, Step> steps) {

    Step step(String stepId) {
        return steps.get(stepId);
    }

    /**
     * One step. A plain step shows {@code prompt} with {@code choices}; a step with {@code call: verify} collects the
     * invoice fields in {@code collect} (asking with {@code ask.<field>}) and answers with {@code outcomes.<RESULT>}.
     */
    record Step(String id, String title, String prompt, List<Choice> choices, List<InvoiceField> collect,
            Map<InvoiceField, String> ask, String call, Map<String, Outcome> outcomes, During during) {

        Step(String id, String title, String prompt, List<Choice> choices, List<InvoiceField> collect,
                Map<InvoiceField, String> ask, String call, Map<String, Outcome> outcomes) {
            this(id, title, prompt, choices, collect, ask, call, outcomes, null);
        }

        boolean verifies() {
            return call != null;
        }
    }

    /** A quick reply of a step: goes to {@code next} step or runs {@code action}; {@code when} lists intents that
     * pick it; {@code say} is shown when it is picked. */
    record Choice(String value, String label, String next, Action action, List<String> when,
            Map<InvoiceField, String> set, String say) {
    }

    /**
     * What a step says instead while a maintenance window or incident is in force (live system status): the status
     * sentence, then {@code prompt}, with {@code choices}.
     */
    record During(String prompt, List<Choice> choices) {
    }

    /** What follows a lookup result: an extra sentence, and either choices or an immediate re-ask of wrong fields. */
    record Outcome(String say, boolean reenter, List<Choice> choices) {
    }
}
