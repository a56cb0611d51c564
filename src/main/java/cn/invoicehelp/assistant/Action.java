package cn.invoicehelp.assistant;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A quick-reply action, parsed once from its wire form ({@code menu}, {@code flow:<id>}, {@code step:<step>:<value>},
 * {@code faq:<slug>} ...). Intent files, flow files and the chat all name actions in that form; which kinds each may
 * use is said here, once.
 */
record Action(Kind kind, String argument) {

    enum Kind {
        MENU("menu", Argument.NONE),
        HANDOFF("handoff", Argument.NONE),
        /** {@code report} starts a fault report; {@code report:<confirm|restart|cancel|now>} answers its questions. */
        REPORT("report", Argument.OPTIONAL),
        RESTART("restart", Argument.NONE),
        RESUME("resume", Argument.NONE),
        DONE("done", Argument.NONE),
        TRACK("track", Argument.NONE),
        LOOKUP("lookup", Argument.NONE),
        /** Ask again for the fields the last lookup blamed (a flow choice, never sent by a client). */
        REENTER("reenter", Argument.NONE),
        /** {@code faq} in an intent: answer from the FAQ; {@code faq:<slug>} from a client: that article. */
        FAQ("faq", Argument.OPTIONAL),
        FLOW("flow", Argument.REQUIRED),
        /** Offer to subscribe to updates on the maintenance or incident going on now. */
        SUBSCRIBE("subscribe", Argument.NONE),
        /** {@code step:<stepId>:<value>}: a choice of a flow step. */
        STEP("step", Argument.REQUIRED);

        private final String name;
        private final Argument argument;

        Kind(String name, Argument argument) {
            this.name = name;
            this.argument = argument;
        }

        String wireName() {
            return name;
        }
    }

    private enum Argument { NONE, OPTIONAL, REQUIRED }

    /** What an intent file may name as its {@code action}. */
    static final Set<Kind> IN_INTENTS = EnumSet.of(Kind.MENU, Kind.HANDOFF, Kind.REPORT, Kind.RESTART, Kind.RESUME,
            Kind.TRACK, Kind.LOOKUP, Kind.FAQ, Kind.FLOW);
    /** What a flow choice may name as its {@code action}. */
    static final Set<Kind> IN_CHOICES = EnumSet.of(Kind.DONE, Kind.REENTER, Kind.HANDOFF, Kind.REPORT, Kind.MENU,
            Kind.RESTART, Kind.FLOW, Kind.SUBSCRIBE);
    /** What a client may send back from a quick reply. */
    static final Set<Kind> FROM_CLIENT = EnumSet.complementOf(EnumSet.of(Kind.REENTER));

    static final Action MENU = of(Kind.MENU);
    static final Action HANDOFF = of(Kind.HANDOFF);
    static final Action REPORT = of(Kind.REPORT);
    static final Action RESUME = of(Kind.RESUME);
    static final Action LOOKUP = of(Kind.LOOKUP);

    static Action of(Kind kind) {
        return new Action(kind, null);
    }

    static Action flow(String flowId) {
        return new Action(Kind.FLOW, flowId);
    }

    static Action step(String stepId, String value) {
        return new Action(Kind.STEP, stepId + ":" + value);
    }

    static Action faq(String slug) {
        return new Action(Kind.FAQ, slug);
    }

    /** The action a wire string names, if it is well formed (an unknown name or a missing argument is empty). */
    static Optional<Action> parse(String wire) {
        if (wire == null || wire.isBlank()) {
            return Optional.empty();
        }
        String text = wire.strip();
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        String argument = colon < 0 ? null : text.substring(colon + 1);
        return Arrays.stream(Kind.values()).filter(k -> k.name.equals(name)).findFirst().flatMap(kind -> {
            boolean has = argument != null && !argument.isBlank();
            boolean ok = switch (kind.argument) {
                case NONE -> argument == null;
                case OPTIONAL -> argument == null || has;
                case REQUIRED -> has && (kind != Kind.STEP || argument.indexOf(':') > 0
                        && argument.indexOf(':') < argument.length() - 1);
            };
            return ok ? Optional.of(new Action(kind, argument)) : Optional.empty();
        });
    }

    /** Parses an action of a knowledge-base file, or says what is wrong (for the start-up check's message). */
    static Action parseIn(String wire, Set<Kind> allowed, java.util.function.Function<String, RuntimeException> error) {
        Action action = parse(wire).filter(a -> allowed.contains(a.kind()))
                .orElseThrow(() -> error.apply("unknown action '" + wire + "' (known: " + names(allowed) + ")"));
        if (action.kind() == Kind.FAQ && action.argument() != null) {
            throw error.apply("unknown action '" + wire + "' (an intent answers with 'faq' alone)");
        }
        return action;
    }

    private static String names(Set<Kind> kinds) {
        return kinds.stream().map(k -> k.argument == Argument.REQUIRED ? k.name + ":<id>" : k.name)
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** For {@code step:<stepId>:<value>}: the step id. */
    String stepId() {
        return argument.substring(0, argument.indexOf(':'));
    }

    /** For {@code step:<stepId>:<value>}: the choice value. */
    String stepValue() {
        return argument.substring(argument.indexOf(':') + 1);
    }

    String wire() {
        return argument == null ? kind.name : kind.name + ":" + argument;
    }

    @Override
    public String toString() {
        return wire();
    }
}
