package cn.invoicehelp;

import cn.invoicehelp.support.OnPostgres;
import jakarta.persistence.EntityManagerFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Every migration runs, and every entity matches its table, on H2 (embedded default) and on PostgreSQL (production). */
class DatabaseSchemaTests {

    /** The application context most tests share; on PostgreSQL the same one, pointed at this run's database. */
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @AutoConfigureRestTestClient
    abstract static class OnEachDatabase {

        @Autowired
        Flyway flyway;

        @Autowired
        EntityManagerFactory entityManagers;

        @Test
        void everyMigrationInTheApplicationHasBeenApplied() throws Exception {
            int files = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*.sql").length;
            MigrationInfo[] applied = flyway.info().applied();
            assertThat(flyway.info().pending()).isEmpty();
            assertThat(applied).hasSize(files);
            assertThat(Arrays.stream(applied).map(m -> m.getState().isFailed())).containsOnly(false);
        }

        @Test
        void everyEntityMatchesTheTableItIsStoredIn() {
            assertThatCode(() -> entityManagers.unwrap(SessionFactory.class).getSchemaManager()
                    .validateMappedObjects()).doesNotThrowAnyException();
        }
    }

    @Nested
    class OnH2 extends OnEachDatabase {
    }

    @Nested
    @OnPostgres
    class OnPostgresql extends OnEachDatabase {
    }
}
