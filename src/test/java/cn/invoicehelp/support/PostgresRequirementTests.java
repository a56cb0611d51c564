package cn.invoicehelp.support;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without a PostgreSQL server the PostgreSQL tests are skipped with the reason, except in CI where they fail. */
class PostgresRequirementTests {

    @Test
    void missingServerSkipsWithTheReasonOnADevelopersMachine() {
        var result = PostgresDatabase.decide(false, Map.of());
        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("HELPDESK_TEST_PG_URL").contains("test-services.env"));
    }

    @Test
    void missingServerFailsInCi() {
        assertThatThrownBy(() -> PostgresDatabase.decide(false, Map.of("CI", "true")))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("HELPDESK_TEST_PG_URL");
    }

    @Test
    void configuredServerRunsEverywhere() {
        assertThat(PostgresDatabase.decide(true, Map.of("CI", "true")).isDisabled()).isFalse();
    }

    @Test
    void eachDatabaseIsNamedOnTheConfiguredServerWithItsParameters() {
        var server = PostgresDatabase.Server.from(Map.of("HELPDESK_TEST_PG_URL",
                "jdbc:postgresql://127.0.0.1:5432/postgres?sslmode=disable", "HELPDESK_TEST_PG_USER", "u",
                "HELPDESK_TEST_PG_PASSWORD", "p")).orElseThrow();
        assertThat(server.urlOf("helpdesk_test_1")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/helpdesk_test_1?sslmode=disable");
        assertThat(PostgresDatabase.Server.from(Map.of("HELPDESK_TEST_PG_USER", "u"))).isEmpty();
    }
}
