package cn.invoicehelp.knowledge.internal;

import cn.invoicehelp.knowledge.SearchResponse;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The chat's search (no highlighting, each text analysed once for all indexes) answers exactly like the help center's,
 * whatever was searched before on the same thread.
 */
class ChatSearchTests {

    final KnowledgeBase knowledge = new KnowledgeBase(new KnowledgeProperties(Path.of("knowledge-base"), null, null,
            false), mock(UnansweredQuestions.class), Clock.systemUTC());

    @Test
    void chatSearchRanksAndAnswersLikeTheHelpCenterButWithoutMarks() throws IOException {
        List<String> queries = Files.readAllLines(Path.of("docs/eval/faq-dev.tsv")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("query"))
                .map(line -> line.split("\t")[0]).toList();
        assertThat(queries).hasSizeGreaterThan(50);
        int answered = 0;
        for (String query : queries) {
            SearchResponse full = knowledge.search(query, 3);
            SearchResponse chat = knowledge.searchWithoutHighlights(query, 3);
            // Interleaved with other texts, as a chat turn asks several indexes about several texts.
            knowledge.phraseIndex(java.util.Map.of("k", List.of("发票查不到"))).match(query + "吗", 3);

            assertThat(chat.bestMatch()).as(query).isEqualTo(full.bestMatch());
            assertThat(chat.answer()).as(query).isEqualTo(full.answer());
            assertThat(chat.outOfScope()).as(query).isEqualTo(full.outOfScope());
            assertThat(chat.confidence()).as(query).isEqualTo(full.confidence());
            assertThat(chat.results()).extracting(SearchResponse.SearchHit::slug).as(query)
                    .isEqualTo(full.results().stream().map(SearchResponse.SearchHit::slug).toList());
            assertThat(chat.results()).allSatisfy(hit -> assertThat(hit.snippet()).isNotBlank().doesNotContain("<mark>"));
            answered += chat.answer() != null ? 1 : 0;
        }
        assertThat(answered).isGreaterThan(queries.size() / 2);
    }
}
