package cn.invoicehelp.assistant;

import cn.invoicehelp.knowledge.Article;
import cn.invoicehelp.knowledge.FaqSearch;
import cn.invoicehelp.knowledge.PhraseIndex;
import cn.invoicehelp.knowledge.SearchResponse;
import cn.invoicehelp.knowledge.SearchResponse.SearchHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Stand-in for the knowledge base: character-bigram overlap for both articles and phrases. */
class FakeFaq implements FaqSearch {

    record Doc(String slug, String title, String text) {
    }

    final List<Doc> docs = new ArrayList<>(List.of(
            new Doc("check-code-where", "校验码在哪里看", "校验码 在哪里 看 发票右上角 校验码后六位"),
            new Doc("same-day", "当天开的发票为什么查不到", "当天 开具 发票 次日 才能 查验")));

    @Override
    public SearchResponse search(String query, int limit) {
        List<SearchHit> hits = docs.stream()
                .map(d -> new SearchHit(d.slug(), d.title(), "faq", "<mark>" + d.title() + "</mark>",
                        overlap(query, d.title() + d.text())))
                .filter(h -> h.score() > 0).sorted(Comparator.comparingDouble(h -> -h.score())).limit(limit).toList();
        String best = !hits.isEmpty() && hits.get(0).score() >= 0.5f ? hits.get(0).slug() : null;
        return new SearchResponse(query, best, hits);
    }

    final List<String> unanswered = new ArrayList<>();

    @Override
    public void recordUnanswered(String question) {
        unanswered.add(question);
    }

    @Override
    public Optional<Article> article(String slug) {
        return docs.stream().filter(d -> d.slug().equals(slug)).findFirst()
                .map(d -> new Article(d.slug(), d.title(), "faq", "<p>" + d.text() + "</p>", List.of()));
    }

    @Override
    public List<String> suggest(String prefix, int limit) {
        return List.of();
    }

    /** Intent matches to return for exact texts, to test how the assistant treats close scores. */
    final Map<String, List<PhraseIndex.Match>> scripted = new LinkedHashMap<>();

    @Override
    public PhraseIndex phraseIndex(Map<String, List<String>> phrasesByKey) {
        return (text, limit) -> {
            if (scripted.containsKey(text)) {
                return scripted.get(text);
            }
            Map<String, PhraseIndex.Match> best = new LinkedHashMap<>();
            phrasesByKey.forEach((key, phrases) -> phrases.forEach(p -> {
                float c = overlap(text, p);
                if (c > 0 && (!best.containsKey(key) || best.get(key).confidence() < c)) {
                    best.put(key, new PhraseIndex.Match(key, c, c));
                }
            }));
            return best.values().stream().sorted(Comparator.comparingDouble(m -> -m.score())).limit(limit).toList();
        };
    }

    /** Share of the text's character bigrams found in the other text. */
    static float overlap(String text, String other) {
        Set<String> mine = grams(text);
        Set<String> theirs = grams(other);
        if (mine.isEmpty()) {
            return 0;
        }
        return (float) mine.stream().filter(theirs::contains).count() / mine.size();
    }

    private static Set<String> grams(String s) {
        String t = IntentClassifier.plain(s);
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + 1 < t.length(); i++) {
            grams.add(t.substring(i, i + 2));
        }
        if (t.length() == 1) {
            grams.add(t);
        }
        return grams;
    }
}
