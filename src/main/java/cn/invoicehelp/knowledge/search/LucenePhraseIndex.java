package cn.invoicehelp.knowledge.search;

import cn.invoicehelp.knowledge.PhraseIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Example phrases per key, analysed like the FAQ; a key scores as its best-matching phrase. */
final class LucenePhraseIndex implements PhraseIndex {

    private static final String KEY = "key";
    private final TextIndex index;
    private final Map<String, String> keyOfDoc = new LinkedHashMap<>();

    LucenePhraseIndex(Map<String, List<String>> phrasesByKey, Synonyms synonyms, Set<String> stopwords,
            SearchTuning tuning) {
        List<TextIndex.Doc> docs = new ArrayList<>();
        phrasesByKey.forEach((key, phrases) -> {
            for (int i = 0; i < phrases.size(); i++) {
                String id = key + "#" + i;
                keyOfDoc.put(id, key);
                docs.add(new TextIndex.Doc(id, Map.of("p", List.of(phrases.get(i))), Map.of(KEY, key)));
            }
        });
        index = new TextIndex(docs, TextIndex.boosts("p", 1f), synonyms, stopwords, tuning);
    }

    @Override
    public List<Match> match(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Map<String, Match> best = new LinkedHashMap<>();
        for (TextIndex.Hit hit : index.search(text, Math.max(limit * 8, 20))) {
            String key = keyOfDoc.get(hit.id());
            best.merge(key, new Match(key, hit.score(), (float) hit.coverage()),
                    (a, b) -> a.score() >= b.score() ? a : b);
        }
        return best.values().stream().limit(limit).toList();
    }
}
