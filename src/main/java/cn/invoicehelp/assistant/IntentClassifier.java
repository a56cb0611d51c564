package cn.invoicehelp.assistant;

import cn.invoicehelp.knowledge.FaqSearch;
import cn.invoicehelp.knowledge.PhraseIndex;
import cn.invoicehelp.text.TextNormalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ranks intents for a message with the FAQ's phrase index. Each intent is indexed as ONE phrase made of all its
 * examples, so the confidence is the share of the message's words that the intent's examples use anywhere: an unseen
 * wording of known words still scores, an off-topic message does not. A message equal to an example (punctuation
 * aside) is certain: short replies like "是" or "嗯" are all stopwords to the index.
 */
final class IntentClassifier {

    record Ranked(Intent intent, float score, float confidence) {
    }

    private final Map<String, Intent> intents;
    private final PhraseIndex index;
    private final Map<String, String> exact = new HashMap<>();

    IntentClassifier(Map<String, Intent> intents, FaqSearch faq) {
        this.intents = intents;
        Map<String, List<String>> phrases = new LinkedHashMap<>();
        intents.values().forEach(intent -> {
            phrases.put(intent.id(), List.of(String.join("。", intent.examples())));
            intent.examples().forEach(example -> exact.putIfAbsent(plain(example), intent.id()));
        });
        this.index = faq.phraseIndex(phrases);
    }

    /** Best first; at most {@code limit}. */
    List<Ranked> rank(String text, int limit) {
        List<Ranked> ranked = new ArrayList<>();
        String exactId = exact.get(plain(text));
        if (exactId != null) {
            ranked.add(new Ranked(intents.get(exactId), Float.MAX_VALUE, 1f));
        }
        for (PhraseIndex.Match match : index.match(text, limit)) {
            if (!match.key().equals(exactId) && intents.containsKey(match.key())) {
                ranked.add(new Ranked(intents.get(match.key()), match.score(), match.confidence()));
            }
        }
        return ranked.size() > limit ? ranked.subList(0, limit) : ranked;
    }

    Optional<Intent> intent(String id) {
        return Optional.ofNullable(intents.get(id));
    }

    static String plain(String text) {
        return TextNormalizer.plain(text);
    }
}
