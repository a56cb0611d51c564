package cn.invoicehelp.knowledge.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Domain synonyms in Solr format ({@code a,b,c} = equivalent, the first is canonical; {@code a,b => c} = one way).
 * Chinese segmentation splits domain words unpredictably, so instead of token rewriting a text that contains any
 * variant gets the canonical term appended, on both the index and the query side.
 */
final class Synonyms {

    static final Synonyms NONE = new Synonyms(List.of());

    private record Rule(List<String> variants, String canonical) {
    }

    private final List<Rule> rules;
    /** Every variant with its canonical term, longest first: the order {@link #mentions} tries them in. */
    private final List<Mention> byLength;

    private Synonyms(List<Rule> rules) {
        this.rules = rules;
        this.byLength = rules.stream()
                .flatMap(rule -> rule.variants().stream().map(variant -> new Mention(0, 0, variant, rule.canonical())))
                .sorted((a, b) -> b.variant().length() - a.variant().length())
                .toList();
    }

    static Synonyms load(Path file) {
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Synonyms parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int arrow = line.indexOf("=>");
            if (arrow >= 0) {
                List<String> from = terms(line.substring(0, arrow));
                List<String> to = terms(line.substring(arrow + 2));
                to.forEach(target -> rules.add(new Rule(from, target)));
            } else {
                List<String> group = terms(line);
                if (group.size() > 1) {
                    rules.add(new Rule(group, group.get(0)));
                }
            }
        }
        return new Synonyms(List.copyOf(rules));
    }

    private static List<String> terms(String part) {
        List<String> terms = new ArrayList<>();
        for (String term : part.split("[,，]")) {
            String t = term.strip().toLowerCase(Locale.ROOT);
            if (!t.isEmpty()) {
                terms.add(t);
            }
        }
        return terms;
    }

    /** The text followed by the canonical term of every synonym group it mentions. */
    String expand(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Set<String> added = new LinkedHashSet<>();
        for (Rule rule : rules) {
            for (String variant : rule.variants()) {
                if (lower.contains(variant)) {
                    added.add(rule.canonical());
                    break;
                }
            }
        }
        return added.isEmpty() ? text : text + " " + String.join(" ", added);
    }

    /** A variant found in a text, with the canonical term it stands for. */
    record Mention(int start, int end, String variant, String canonical) {
    }

    /** Non-overlapping variant mentions in a lower-cased text, longest variants first. */
    List<Mention> mentions(String lower) {
        List<Mention> found = new ArrayList<>();
        for (Mention candidate : byLength) {
            int from = lower.indexOf(candidate.variant());
            while (from >= 0) {
                int end = from + candidate.variant().length();
                if (!overlaps(found, from, end)) {
                    found.add(new Mention(from, end, candidate.variant(), candidate.canonical()));
                }
                from = lower.indexOf(candidate.variant(), end);
            }
        }
        return found;
    }

    private static boolean overlaps(List<Mention> found, int start, int end) {
        for (Mention m : found) {
            if (start < m.end() && m.start() < end) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return rules.size();
    }
}
