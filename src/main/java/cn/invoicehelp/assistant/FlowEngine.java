package cn.invoicehelp.assistant;

import cn.invoicehelp.assistant.state.ConversationState;
import cn.invoicehelp.assistant.Reply.QuickReply;
import cn.invoicehelp.invoice.InvoiceField;
import cn.invoicehelp.invoice.InvoiceVerification;
import cn.invoicehelp.invoice.ClientKey;
import cn.invoicehelp.invoice.LookupsTooFrequent;
import cn.invoicehelp.invoice.VerificationRequest;
import cn.invoicehelp.invoice.VerificationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Walks a conversation through the steps of a flow file; knows nothing about particular flows or steps. */
final class FlowEngine {

    /** Replies of one turn, plus an action the assistant still has to run (handoff, report, done, menu ...). */
    record Turn(List<Reply> replies, Action action) {
    }

    private final Map<String, Flow> flows;
    private final InvoiceVerification invoices;

    private final SystemStatus status;

    FlowEngine(Map<String, Flow> flows, InvoiceVerification invoices) {
        this(flows, invoices, SystemStatus.NONE);
    }

    FlowEngine(Map<String, Flow> flows, InvoiceVerification invoices, SystemStatus status) {
        this.status = status;
        this.flows = flows;
        this.invoices = invoices;
    }

    boolean exists(String flowId) {
        return flows.containsKey(flowId);
    }

    /** Starts (or restarts) a flow at its start step, or at {@code stepId}; slots already known are kept. */
    List<Reply> start(ConversationState s, String flowId, String stepId) {
        Flow flow = flows.get(flowId);
        s.leaveFlow();
        s.setFlow(flowId);
        s.setStep(stepId == null ? flow.start() : stepId);
        return enter(s, true);
    }

    /** The first step of a flow that looks an invoice up. */
    Optional<String> verifyStep(String flowId) {
        return flows.get(flowId).steps().values().stream().filter(Flow.Step::verifies).map(Flow.Step::id).findFirst();
    }

    /** Shows the current step again (after a side question). */
    List<Reply> resume(ConversationState s) {
        return enter(s, true);
    }

    Optional<Turn> choose(ConversationState s, String stepId, String value) {
        Flow flow = flows.get(s.getFlow());
        Flow.Step step = flow == null ? null : flow.step(stepId);
        if (step == null) {
            return Optional.empty();
        }
        return choices(s, step).stream().filter(c -> c.value().equals(value)).findFirst()
                .or(() -> FlowLoader.allChoices(step).filter(c -> c.value().equals(value)).findFirst())
                .map(choice -> apply(s, flow, step, choice));
    }

    /** Free text inside a flow: invoice fields for a lookup step, or an answer that picks one of the choices. */
    private static final String SAME_DATA = "这些信息和刚才查询的一样，结果不会变（重复查询也会占用这张发票当天的查验次数）。"
            + "如需更正，请直接发来正确的信息。";

    Optional<Turn> onText(ConversationState s, Entities entities, Intent intent, String text) {
        if (!s.inFlow()) {
            return Optional.empty();
        }
        Flow flow = flows.get(s.getFlow());
        Flow.Step step = flow.step(s.getStep());
        if (step.verifies()) {
            Map<InvoiceField, String> fields = entities.invoiceFields();
            fields.keySet().removeIf(k -> !step.collect().contains(k) && k.printed());
            if (!fields.isEmpty()) {
                Map<InvoiceField, String> before = new java.util.LinkedHashMap<>(s.getSlots());
                s.getSlots().putAll(fields);
                if (s.getOutcome() != null && before.equals(s.getSlots())) {
                    // Same data as the last lookup: the answer can't change, and every lookup counts against the day.
                    return Optional.of(new Turn(List.of(Replies.message(SAME_DATA,
                            quickReplies(step, choices(s, step)))), null));
                }
                return Optional.of(new Turn(collectOrVerify(s, step, null, true), null));
            }
        }
        String plain = IntentClassifier.plain(text);
        return choices(s, step).stream()
                .filter(c -> IntentClassifier.plain(c.label()).equals(plain)
                        || intent != null && c.when().contains(intent.id()))
                .findFirst().map(choice -> apply(s, flow, step, choice));
    }

    /** Titles of the steps done, for the person taking over. */
    List<String> titles(List<String> stepKeys) {
        List<String> titles = new ArrayList<>();
        for (String key : stepKeys) {
            String[] parts = key.split("/", 2);
            Flow flow = flows.get(parts[0]);
            Flow.Step step = flow == null || parts.length < 2 ? null : flow.step(parts[1]);
            titles.add(step == null ? key : step.title());
        }
        return titles;
    }

    private Turn apply(ConversationState s, Flow flow, Flow.Step step, Flow.Choice choice) {
        s.markDone(flow.id() + "/" + step.id());
        List<Reply> replies = new ArrayList<>();
        if (choice.say() != null) {
            replies.add(Replies.text(choice.say()));
        }
        if (choice.action() != null && choice.action().kind() == Action.Kind.REENTER) {
            clearForReentry(s);
            s.getSlots().putAll(choice.set());
            Flow.Step verify = flow.step(Objects.requireNonNullElse(s.getVerifyStep(),
                    verifyStep(flow.id()).orElse(step.id())));
            s.setStep(verify.id());
            replies.addAll(collectOrVerify(s, verify, "好的，我们重新填写一下。", false));
            return new Turn(replies, null);
        }
        s.getSlots().putAll(choice.set());
        if (choice.next() != null) {
            s.setStep(choice.next());
            s.setOutcome(null);
            s.setProblemFields(List.of());
            s.setProblemMessages(Map.of());
            replies.addAll(enter(s, true));
            return new Turn(replies, null);
        }
        return new Turn(replies, choice.action());
    }

    SystemStatus status() {
        return status;
    }

    /** The first step of a flow that answers from the live system status ({@code during}), if it has one. */
    Optional<String> statusStep(String flowId) {
        Flow flow = flows.get(flowId);
        return flow == null ? Optional.empty() : flow.steps().values().stream().filter(st -> st.during() != null)
                .map(Flow.Step::id).findFirst();
    }

    /**
     * Enters the status step directly, skipping the steps before it (they cannot help while the system is down),
     * with {@code intro} said first.
     */
    List<Reply> enterStatusStep(ConversationState s, String flowId, String stepId, String intro,
            cn.invoicehelp.announcement.ActiveAnnouncement disruption, Card card) {
        s.leaveFlow();
        s.setFlow(flowId);
        s.setStep(stepId);
        s.setAwaiting(null);
        Flow.Step step = flows.get(flowId).step(stepId);
        return List.of(Replies.message(intro + "\n" + step.during().prompt(),
                quickReplies(step, step.during().choices()), card));
    }

    private List<Reply> enter(ConversationState s, boolean fresh) {
        Flow.Step step = flows.get(s.getFlow()).step(s.getStep());
        if (step.verifies()) {
            return collectOrVerify(s, step, fresh ? step.prompt() : null, true);
        }
        s.setAwaiting(null);
        if (step.during() != null) {
            Optional<cn.invoicehelp.announcement.ActiveAnnouncement> now = status.disruption();
            if (now.isPresent()) {
                return List.of(Replies.message(SystemStatus.describe(now.get()) + "\n" + step.during().prompt(),
                        quickReplies(step, step.during().choices())));
            }
        }
        return List.of(Replies.message(step.prompt(), quickReplies(step, step.choices())));
    }

    /** Asks for the first field the type still needs, or looks the invoice up once nothing is missing. */
    private List<Reply> collectOrVerify(ConversationState s, Flow.Step step, String intro, boolean mayVerify) {
        VerificationRequest request = request(s.getSlots());
        List<InvoiceField> missing = invoices.missingFields(request).stream().filter(step.collect()::contains)
                .toList();
        if (!missing.isEmpty() || !mayVerify) {
            InvoiceField field = missing.isEmpty() ? null : missing.get(0);
            s.setAwaiting(field);
            String ask = field == null ? "请把需要更正的发票信息发给我。" : step.ask().get(field);
            return List.of(Replies.message(intro == null ? ask : intro + "\n" + ask, List.of(Replies.HANDOFF)));
        }
        s.setAwaiting(null);
        VerificationResult result;
        try {
            result = invoices.verify(request, new ClientKey(s.client()));
        } catch (LookupsTooFrequent tooFrequent) {
            return List.of(Replies.message(tooFrequent.getMessage(), List.of(Replies.HANDOFF)));
        }
        s.setOutcome(result.result().name());
        s.setLastStatus(result.status());
        Map<InvoiceField, String> messages = new java.util.LinkedHashMap<>();
        if (result.problems() != null) {
            result.problems().forEach(p -> p.invoiceField().filter(InvoiceField::printed)
                    .ifPresent(field -> messages.putIfAbsent(field, p.message())));
        }
        s.setProblemMessages(messages);
        s.setVerifyStep(step.id());
        s.setProblemFields(result.problems() == null ? List.of() : result.problems().stream()
                .map(VerificationResult.Problem::invoiceField).flatMap(Optional::stream).filter(InvoiceField::printed)
                .distinct().toList());
        s.markDone(s.getFlow() + "/" + step.id());
        Flow.Outcome outcome = step.outcomes().get(result.result().name());
        String message = result.message() == null || result.message().isBlank() ? "" : result.message();
        String text = outcome.say() == null ? message : (message + "\n" + outcome.say()).strip();
        List<Reply> replies = new ArrayList<>();
        replies.add(Replies.message(text, quickReplies(step, outcome.choices()), Replies.invoiceCard(result)));
        if (outcome.reenter()) {
            clearForReentry(s);
            replies.addAll(collectOrVerify(s, step, null, false));
        }
        return replies;
    }

    /** Drops the fields the last lookup blamed; with no field named, everything but the type is asked again. */
    private void clearForReentry(ConversationState s) {
        if (s.getProblemFields().isEmpty()) {
            s.getSlots().keySet().removeIf(InvoiceField::printed);
        } else {
            s.getProblemFields().forEach(s.getSlots()::remove);
        }
        s.setProblemFields(List.of());
        s.setProblemMessages(Map.of());
        s.setLastStatus(null);
        s.setOutcome(null);
    }

    private List<Flow.Choice> choices(ConversationState s, Flow.Step step) {
        if (!step.verifies()) {
            return step.during() != null && status.disruption().isPresent() ? step.during().choices()
                    : step.choices();
        }
        Flow.Outcome outcome = s.getOutcome() == null ? null : step.outcomes().get(s.getOutcome());
        return outcome == null ? List.of() : outcome.choices();
    }

    private static List<QuickReply> quickReplies(Flow.Step step, List<Flow.Choice> choices) {
        return choices.stream().map(c -> Replies.quick(c.label(), Action.step(step.id(), c.value()))).toList();
    }

    static VerificationRequest request(Map<InvoiceField, String> slots) {
        return VerificationRequest.of(slots);
    }
}
