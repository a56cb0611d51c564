package cn.invoicehelp.knowledge.internal;

import cn.invoicehelp.HelpdeskApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default keeps its data in files: votes given before a restart are still there after it. */
class FeedbackSurvivesRestartTests {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(HelpdeskApplication.class).run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("helpdesk")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--helpdesk.knowledge.watch=false", "--spring.jmx.enabled=false");
    }

    @Test
    void keepsFeedbackAndUnansweredQuestionsAcrossARestart() {
        try (ConfigurableApplicationContext first = start()) {
            first.getBean(Feedbacks.class).save(new ArticleFeedback("same-day-invoice", false, java.time.Instant.now()));
            first.getBean(KnowledgeBase.class).recordUnanswered("明天北京下雨吗");
        }
        try (ConfigurableApplicationContext second = start()) {
            assertThat(second.getBean(Feedbacks.class).countBySlugAndHelpful("same-day-invoice", false)).isEqualTo(1);
            assertThat(second.getBean(UnansweredQuestions.class).findAll()).extracting(UnansweredQuestion::query)
                    .contains("明天北京下雨吗");
        }
    }
}
