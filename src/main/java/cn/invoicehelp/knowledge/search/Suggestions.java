package cn.invoicehelp.knowledge.search;

import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Search-as-you-type over article titles and the questions users ask, matched anywhere in the text. */
final class Suggestions {

    private final AnalyzingInfixSuggester suggester;
    private final boolean empty;

    Suggestions(Collection<FaqArticle> articles) {
        try {
            suggester = new AnalyzingInfixSuggester(new ByteBuffersDirectory(), ChineseAnalyzers.unigrams(),
                    ChineseAnalyzers.unigrams(), 1, true);
            Set<String> seen = new LinkedHashSet<>();
            for (FaqArticle article : articles) {
                add(seen, article.title(), 100);
                for (String question : article.questions()) {
                    add(seen, question, 10);
                }
            }
            empty = seen.isEmpty();
            if (!empty) {
                suggester.refresh();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(Set<String> seen, String text, long weight) throws IOException {
        if (seen.add(text)) {
            // Shorter texts are easier to scan in a dropdown: prefer them at equal weight.
            suggester.add(new BytesRef(text), null, weight * 100 - Math.min(text.length(), 99), null);
        }
    }

    List<String> lookup(String prefix, int limit) {
        if (empty) {
            return List.of();
        }
        try {
            Set<String> out = new LinkedHashSet<>();
            for (Lookup.LookupResult result : suggester.lookup(prefix, limit * 2, true, false)) {
                out.add(result.key.toString());
                if (out.size() == limit) {
                    break;
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
