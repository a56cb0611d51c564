package cn.invoicehelp.knowledge.internal;

import cn.invoicehelp.knowledge.KnowledgeFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** Without a configured folder the app answers from the knowledge base packaged with it, whatever its working folder. */
class ShippedKnowledgeTests {

    @Test
    void withoutAConfiguredFolderThePackagedKnowledgeBaseIsUsedAndNotWatched() {
        KnowledgeProperties properties = new KnowledgeProperties(null, null, null, true);

        assertThat(properties.editable()).isFalse();
        assertThat(properties.dir().resolve("intents")).isDirectory();
        assertThat(properties.dir().resolve("flows")).isDirectory();
        assertThat(properties.dir().toAbsolutePath()).isNotEqualTo(Path.of("knowledge-base").toAbsolutePath());
        KnowledgeBase knowledge = new KnowledgeBase(properties, mock(UnansweredQuestions.class), Clock.systemUTC());
        assertThat(knowledge.articles()).hasSizeGreaterThanOrEqualTo(30);
        KnowledgeWatcher watcher = new KnowledgeWatcher(knowledge, properties);
        watcher.start();
        assertThat(watcher.isRunning()).isFalse();
    }

    @Test
    void aConfiguredFolderOverridesItAndIsEditable(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("faq"));
        KnowledgeProperties properties = new KnowledgeProperties(dir, null, null, true);

        assertThat(properties.editable()).isTrue();
        assertThat(new KnowledgeConfiguration().knowledgeFolder(properties)).isEqualTo(new KnowledgeFolder(dir, true));
    }
}
