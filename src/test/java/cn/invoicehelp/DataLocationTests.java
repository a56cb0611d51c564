package cn.invoicehelp;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The app keeps its data in one documented place whatever folder it starts in; tests never write there. */
class DataLocationTests {

    @Test
    void theDatabaseLivesUnderTheUsersHomeNotTheWorkingFolder() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        new PropertiesPropertySourceLoader().load("app", new ClassPathResource("application.properties"))
                .forEach(environment.getPropertySources()::addLast);

        String dataDir = environment.getRequiredProperty("helpdesk.data-dir");
        assertThat(Path.of(dataDir)).isEqualTo(Path.of(System.getProperty("user.home"), ".invoice-helpdesk", "data"));
        assertThat(environment.getRequiredProperty("spring.datasource.url"))
                .startsWith("jdbc:h2:file:" + dataDir + "/helpdesk;");
    }

    @Test
    void testsWriteTheirDataUnderTarget() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        new PropertiesPropertySourceLoader().load("tests", new ClassPathResource("config/application.properties"))
                .forEach(environment.getPropertySources()::addLast);

        assertThat(environment.getRequiredProperty("helpdesk.data-dir")).startsWith("target/");
        assertThat(environment.getRequiredProperty("spring.datasource.url")).startsWith("jdbc:h2:mem:");
    }
}
