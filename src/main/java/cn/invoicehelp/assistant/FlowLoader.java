package cn.invoicehelp.assistant;

import cn.invoicehelp.invoice.InvoiceField;
import cn.invoicehelp.invoice.VerificationResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Loads knowledge-base/flows/*.yml and refuses any flow that could strand a user (checked at start-up). */
final class FlowLoader {

    static final Set<String> CALLS = Set.of("verify");
    private static final List<String> PRINTED = java.util.Arrays.stream(InvoiceField.values())
            .filter(InvoiceField::printed).map(InvoiceField::key).toList();
    private static final Set<String> STEP_KEYS =
            Set.of("id", "title", "prompt", "choices", "collect", "ask", "call", "outcomes", "during");
    private static final Set<String> CHOICE_KEYS = Set.of("value", "label", "next", "action", "when", "set", "say");

    Map<String, Flow> load(Path dir, Set<String> intents) {
        Map<String, Flow> flows = new LinkedHashMap<>();
        Map<String, Path> sources = new LinkedHashMap<>();
        for (Path file : Yamls.files(dir)) {
            Flow flow = parse(file, Yamls.read(file), intents);
            if (sources.containsKey(flow.id())) {
                throw new FlowDefinitionException(file.toString(), null,
                        "duplicate flow id '" + flow.id() + "' (also in " + sources.get(flow.id()) + ")");
            }
            flows.put(flow.id(), flow);
            sources.put(flow.id(), file);
        }
        flows.values().forEach(flow -> checkFlowActions(sources.get(flow.id()), flow, flows.keySet()));
        return flows;
    }

    private Flow parse(Path file, Map<String, Object> root, Set<String> intents) {
        String f = file.toString();
        String id = require(f, null, root, "id");
        String start = require(f, null, root, "start");
        Map<String, Flow.Step> steps = new LinkedHashMap<>();
        for (Object raw : Yamls.list(root, "steps")) {
            Flow.Step step = step(f, Yamls.map(raw), intents);
            if (steps.put(step.id(), step) != null) {
                throw new FlowDefinitionException(f, "step '" + step.id() + "'", "duplicate step id");
            }
        }
        if (steps.isEmpty()) {
            throw new FlowDefinitionException(f, null, "no steps");
        }
        if (!steps.containsKey(start)) {
            throw new FlowDefinitionException(f, null, "start step '" + start + "' does not exist");
        }
        for (Flow.Step step : steps.values()) {
            allChoices(step).forEach(c -> {
                if (c.next() != null && !steps.containsKey(c.next())) {
                    throw new FlowDefinitionException(f, "step '" + step.id() + "'",
                            "choice '" + c.value() + "' goes to unknown step '" + c.next() + "'");
                }
            });
        }
        return new Flow(id, Yamls.text(root, "title") == null ? id : Yamls.text(root, "title"), start, steps);
    }

    private Flow.Step step(String f, Map<String, Object> raw, Set<String> intents) {
        String id = Yamls.text(raw, "id");
        if (id == null) {
            throw new FlowDefinitionException(f, "a step", "missing 'id'");
        }
        String where = "step '" + id + "'";
        raw.keySet().stream().filter(k -> !STEP_KEYS.contains(k)).findFirst().ifPresent(k -> {
            throw new FlowDefinitionException(f, where, "unknown key '" + k + "'");
        });
        String title = require(f, where, raw, "title");
        String prompt = require(f, where, raw, "prompt");
        String call = Yamls.text(raw, "call");
        List<Flow.Choice> choices = choices(f, where, Yamls.list(raw, "choices"), intents);
        List<InvoiceField> collect = new ArrayList<>();
        for (Object name : Yamls.list(raw, "collect")) {
            collect.add(InvoiceField.byKey(String.valueOf(name)).filter(InvoiceField::printed).orElseThrow(() ->
                    new FlowDefinitionException(f, where, "unknown field '" + name + "' (known: " + PRINTED + ")")));
        }
        Map<InvoiceField, String> ask = new LinkedHashMap<>();
        Yamls.map(raw.get("ask")).forEach((k, v) -> ask.put(InvoiceField.byKey(k).filter(InvoiceField::printed)
                .orElseThrow(() -> new FlowDefinitionException(f, where, "unknown field 'ask." + k + "'")),
                String.valueOf(v).strip()));
        Map<String, Flow.Outcome> outcomes = new LinkedHashMap<>();
        if (call == null) {
            if (choices.isEmpty()) {
                throw new FlowDefinitionException(f, where, "a step without 'call' needs 'choices'");
            }
            return new Flow.Step(id, title, prompt, choices, collect, ask, null, outcomes, during(f, where, raw, intents));
        }
        if (!CALLS.contains(call)) {
            throw new FlowDefinitionException(f, where, "unknown call '" + call + "' (known: " + CALLS + ")");
        }
        if (collect.isEmpty()) {
            throw new FlowDefinitionException(f, where, "'call: " + call + "' needs 'collect'");
        }
        for (InvoiceField field : collect) {
            if (ask.get(field) == null || ask.get(field).isBlank()) {
                throw new FlowDefinitionException(f, where, "missing prompt 'ask." + field + "'");
            }
        }
        Map<String, Object> rawOutcomes = Yamls.map(raw.get("outcomes"));
        for (VerificationResult.Outcome name : VerificationResult.Outcome.values()) {
            if (!rawOutcomes.containsKey(name.name())) {
                throw new FlowDefinitionException(f, where, "missing outcome '" + name + "'");
            }
        }
        rawOutcomes.forEach((name, value) -> {
            if (Arrays.stream(VerificationResult.Outcome.values()).noneMatch(o -> o.name().equals(name))) {
                throw new FlowDefinitionException(f, where, "unknown outcome '" + name + "'");
            }
            Map<String, Object> o = Yamls.map(value);
            boolean reenter = Boolean.TRUE.equals(o.get("reenter"));
            List<Flow.Choice> oc = choices(f, where + " outcome " + name, Yamls.list(o, "choices"), intents);
            if (!reenter && oc.isEmpty()) {
                throw new FlowDefinitionException(f, where, "outcome '" + name + "' needs 'choices' or 'reenter: true'");
            }
            outcomes.put(name, new Flow.Outcome(Yamls.text(o, "say"), reenter, oc));
        });
        return new Flow.Step(id, title, prompt, choices, collect, ask, call, outcomes);
    }

    private List<Flow.Choice> choices(String f, String where, List<Object> raws, Set<String> intents) {
        List<Flow.Choice> choices = new ArrayList<>();
        Set<String> values = new HashSet<>();
        for (Object rawChoice : raws) {
            Map<String, Object> raw = Yamls.map(rawChoice);
            String value = require(f, where, raw, "value");
            String w = where + " choice '" + value + "'";
            raw.keySet().stream().filter(k -> !CHOICE_KEYS.contains(k)).findFirst().ifPresent(k -> {
                throw new FlowDefinitionException(f, w, "unknown key '" + k + "'");
            });
            if (!values.add(value)) {
                throw new FlowDefinitionException(f, w, "duplicate choice value");
            }
            String next = Yamls.text(raw, "next");
            String actionName = Yamls.text(raw, "action");
            if ((next == null) == (actionName == null)) {
                throw new FlowDefinitionException(f, w, "needs exactly one of 'next' or 'action'");
            }
            Action action = actionName == null ? null : Action.parseIn(actionName, Action.IN_CHOICES,
                    message -> new FlowDefinitionException(f, w, message));
            List<String> when = Yamls.list(raw, "when").stream().map(String::valueOf).toList();
            when.stream().filter(i -> !intents.contains(i)).findFirst().ifPresent(i -> {
                throw new FlowDefinitionException(f, w, "unknown intent '" + i + "'");
            });
            Map<InvoiceField, String> set = new LinkedHashMap<>();
            Yamls.map(raw.get("set")).forEach((k, v) -> set.put(InvoiceField.byKey(k).orElseThrow(() ->
                    new FlowDefinitionException(f, w, "cannot set unknown field '" + k + "'")), String.valueOf(v)));
            choices.add(new Flow.Choice(value, require(f, w, raw, "label"), next, action, when, set,
                    Yamls.text(raw, "say")));
        }
        return choices;
    }

    private void checkFlowActions(Path file, Flow flow, Set<String> flowIds) {
        for (Flow.Step step : flow.steps().values()) {
            allChoices(step).filter(c -> c.action() != null && c.action().kind() == Action.Kind.FLOW)
                    .filter(c -> !flowIds.contains(c.action().argument())).findFirst().ifPresent(c -> {
                        throw new FlowDefinitionException(file.toString(), "step '" + step.id() + "'",
                                "choice '" + c.value() + "' starts unknown flow '" + c.action().argument() + "'");
                    });
        }
    }

    static java.util.stream.Stream<Flow.Choice> allChoices(Flow.Step step) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.concat(step.choices().stream(),
                step.outcomes().values().stream().flatMap(o -> o.choices().stream())),
                step.during() == null ? java.util.stream.Stream.empty() : step.during().choices().stream());
    }

    /** The optional {@code during} block: prompt and choices while a maintenance window or incident is on. */
    private Flow.During during(String f, String where, Map<String, Object> raw, Set<String> intents) {
        if (raw.get("during") == null) {
            return null;
        }
        Map<String, Object> d = Yamls.map(raw.get("during"));
        d.keySet().stream().filter(k -> !Set.of("prompt", "choices").contains(k)).findFirst().ifPresent(k -> {
            throw new FlowDefinitionException(f, where + " during", "unknown key '" + k + "'");
        });
        String prompt = require(f, where + " during", d, "prompt");
        List<Flow.Choice> choices = choices(f, where + " during", Yamls.list(d, "choices"), intents);
        if (choices.isEmpty()) {
            throw new FlowDefinitionException(f, where + " during", "needs 'choices'");
        }
        return new Flow.During(prompt, choices);
    }

    private static String require(String f, String where, Map<String, Object> map, String key) {
        String value = Yamls.text(map, key);
        if (value == null || value.isBlank()) {
            throw new FlowDefinitionException(f, where, "missing '" + key + "'");
        }
        return value;
    }
}
