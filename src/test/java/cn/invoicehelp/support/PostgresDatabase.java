package cn.invoicehelp.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL database of this test run's own, on the server named by {@code HELPDESK_TEST_PG_URL},
 * {@code HELPDESK_TEST_PG_USER} and {@code HELPDESK_TEST_PG_PASSWORD} (.ci/services.sh exports them; a developer runs
 * {@code source ~/.invoice-helpdesk/test-services.env}). It gets a random name on first use, so test runs of several
 * checkouts never share state, and is dropped when the JVM ends, after the application contexts using it are closed.
 * Without the variables a PostgreSQL test is skipped with the reason, except in CI ({@code CI=true}) where it fails.
 */
public final class PostgresDatabase {

    static final String MISSING = "PostgreSQL tests need HELPDESK_TEST_PG_URL, HELPDESK_TEST_PG_USER and "
            + "HELPDESK_TEST_PG_PASSWORD (.ci/services.sh exports them; locally: source ~/.invoice-helpdesk/test-services.env)";
    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?");

    /** Where the test server is: the JDBC URL of its maintenance database and a role that may create databases. */
    public record Server(String url, String user, String password) {

        static Optional<Server> from(Map<String, String> environment) {
            String url = environment.get("HELPDESK_TEST_PG_URL");
            String user = environment.get("HELPDESK_TEST_PG_USER");
            String password = environment.get("HELPDESK_TEST_PG_PASSWORD");
            if (blank(url) || blank(user) || password == null) {
                return Optional.empty();
            }
            return Optional.of(new Server(url, user, password));
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }

        /** The JDBC URL of another database on this server, with the same parameters. */
        public String urlOf(String database) {
            Matcher m = JDBC_URL.matcher(url);
            if (!m.matches()) {
                throw new IllegalStateException("HELPDESK_TEST_PG_URL is not a jdbc:postgresql://host:port/database URL");
            }
            return m.group(1) + database + (m.group(3) == null ? "" : m.group(3));
        }

        public Connection connect(String database) throws SQLException {
            return DriverManager.getConnection(urlOf(database), user, password);
        }

        private Connection maintenance() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    /** A database made for this run; {@link #drop()} removes it even while connections to it are still open. */
    public record Database(Server server, String name) {

        public String url() {
            return server.urlOf(name);
        }

        public void drop() {
            try (Connection c = server.maintenance(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException e) {
                System.err.println("could not drop test database " + name + ": " + e.getMessage());
            }
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<ConfigurableApplicationContext> CONTEXTS = new CopyOnWriteArrayList<>();
    private static Database shared;

    private PostgresDatabase() {
    }

    public static Optional<Server> server() {
        return Server.from(System.getenv());
    }

    /** A new, empty database with a random name (the caller drops it). */
    public static Database create(Server server) {
        String name = "helpdesk_test_" + HexFormat.of().formatHex(randomBytes());
        try (Connection c = server.maintenance(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database on " + server.url() + ": "
                    + e.getMessage(), e);
        }
        return new Database(server, name);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /**
     * The database all PostgreSQL application contexts of this JVM share (one context, one Flyway run): created on
     * first use, dropped at JVM exit once those contexts are closed.
     */
    public static synchronized Database shared() {
        if (shared == null) {
            Server server = server().orElseThrow(() -> new IllegalStateException(MISSING));
            Database database = create(server);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                CONTEXTS.forEach(ConfigurableApplicationContext::close);
                database.drop();
            }, "drop-" + database.name()));
            shared = database;
        }
        return shared;
    }

    /** Skips (or, in CI, fails) when no PostgreSQL server is configured. */
    static ConditionEvaluationResult decide(boolean configured, Map<String, String> environment) {
        if (configured) {
            return ConditionEvaluationResult.enabled("PostgreSQL test server configured");
        }
        if ("true".equalsIgnoreCase(environment.getOrDefault("CI", ""))) {
            Assertions.fail("CI=true and " + MISSING);
        }
        System.err.println("SKIPPED: " + MISSING);
        return ConditionEvaluationResult.disabled(MISSING);
    }

    /** JUnit side of {@link OnPostgres}: skipped with the reason without a server, failed in CI. */
    public static final class Requirement implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return decide(server().isPresent(), System.getenv());
        }
    }

    /** Spring side of {@link OnPostgres}: the application's datasource points at the shared test database. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Database database = shared();
            CONTEXTS.add(context);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("helpdesk-test-postgres",
                    Map.of("spring.datasource.url", database.url(),
                            "spring.datasource.username", database.server().user(),
                            "spring.datasource.password", database.server().password())));
        }
    }
}
