package cn.invoicehelp.knowledge.search;

import cn.invoicehelp.text.TextNormalizer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The meaningful parts of a question: synonym variants as written (with their canonical term), then smartcn words,
 * with runs of single characters smartcn could not place (个税, 限行, 数电票) joined back into one term. Stopwords,
 * numbers and short Latin fragments are dropped.
 */
final class QuestionParts {

    /** A part of the question and, for a synonym variant, its canonical term. */
    record Part(String text, String canonical) {
    }

    private final Analyzer words = ChineseAnalyzers.words();
    private final Synonyms synonyms;
    private final Set<String> stopwords;

    QuestionParts(Synonyms synonyms, Set<String> stopwords) {
        this.synonyms = synonyms;
        this.stopwords = stopwords;
    }

    List<Part> split(String question) {
        String text = TextNormalizer.folded(question);
        List<Part> parts = new ArrayList<>();
        StringBuilder rest = new StringBuilder(text);
        for (Synonyms.Mention mention : synonyms.mentions(text)) {
            parts.add(new Part(mention.variant(), mention.canonical()));
            for (int i = mention.start(); i < mention.end(); i++) {
                rest.setCharAt(i, ' ');
            }
        }
        for (String term : joinedTokens(rest.toString())) {
            if (meaningful(term)) {
                parts.add(new Part(term, null));
            }
        }
        return parts;
    }

    /** Stopwords, numbers (invoice numbers, dates) and Latin fragments such as "ok" or a "BJ" prefix say nothing. */
    private boolean meaningful(String term) {
        return !stopwords.contains(term) && term.codePoints().noneMatch(Character::isDigit)
                && (Coverage.isChinese(term) || term.length() > 2);
    }

    /** smartcn tokens with adjacent single Chinese characters joined (stopwords break a run). */
    private List<String> joinedTokens(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = words.tokenStream(Coverage.WORDS, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            StringBuilder run = new StringBuilder();
            int runEnd = -1;
            while (stream.incrementToken()) {
                String token = term.toString();
                boolean single = token.length() == 1 && Character.isIdeographic(token.codePointAt(0))
                        && !stopwords.contains(token);
                if (single && offset.startOffset() == runEnd) {
                    run.append(token);
                } else {
                    flush(run, out);
                    if (single) {
                        run.append(token);
                    } else {
                        out.add(token);
                    }
                }
                runEnd = single ? offset.endOffset() : -1;
            }
            flush(run, out);
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.stream().distinct().toList();
    }

    private static void flush(StringBuilder run, List<String> out) {
        if (!run.isEmpty()) {
            out.add(run.toString());
            run.setLength(0);
        }
    }

}
