package cn.invoicehelp.chat;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * PostgreSQL and RabbitMQ (STOMP) for production-mode tests and benchmarks, from the {@code HELPDESK_TEST_*} variables that
 * {@code .ci/services.sh} exports. Without them the test is skipped with the reason; with {@code CI=true} it fails.
 * Each run gets its own database with a random name, dropped at the end.
 */
public final class ProductionServices {

    static final List<String> VARIABLES = List.of("HELPDESK_TEST_PG_URL", "HELPDESK_TEST_PG_USER",
            "HELPDESK_TEST_PG_PASSWORD", "HELPDESK_TEST_RABBIT_HOST", "HELPDESK_TEST_RABBIT_STOMP_PORT",
            "HELPDESK_TEST_RABBIT_USER", "HELPDESK_TEST_RABBIT_PASSWORD");

    private final Map<String, String> env;

    private ProductionServices(Map<String, String> env) {
        this.env = env;
    }

    /** The services, or a skipped (locally) / failed (CI) test naming what is missing. */
    public static ProductionServices required() {
        List<String> missing = VARIABLES.stream().filter(v -> System.getenv(v) == null || System.getenv(v).isBlank())
                .toList();
        if (!missing.isEmpty()) {
            String reason = "PostgreSQL/RabbitMQ not configured (" + String.join(", ", missing)
                    + " unset): run .ci/run, or source ~/.invoice-helpdesk/test-services.env after .ci/services.sh";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason);
            }
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
        Map<String, String> values = new LinkedHashMap<>();
        VARIABLES.forEach(v -> values.put(v, System.getenv(v)));
        return new ProductionServices(values);
    }

    /** A fresh database; {@link Database#close()} drops it (after the nodes using it have stopped). */
    public Database createDatabase() throws SQLException {
        String name = "helpdesk_it_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        try (Connection c = maintenance(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        String url = env.get("HELPDESK_TEST_PG_URL");
        return new Database(name, url.substring(0, url.lastIndexOf('/') + 1) + name);
    }

    private Connection maintenance() throws SQLException {
        return DriverManager.getConnection(env.get("HELPDESK_TEST_PG_URL"), env.get("HELPDESK_TEST_PG_USER"),
                env.get("HELPDESK_TEST_PG_PASSWORD"));
    }

    /** The production profile's environment for a node on {@code database}. */
    public Map<String, String> nodeEnvironment(Database database) {
        Map<String, String> node = new LinkedHashMap<>();
        node.put("HELPDESK_DB_URL", database.url());
        node.put("HELPDESK_DB_USER", env.get("HELPDESK_TEST_PG_USER"));
        node.put("HELPDESK_DB_PASSWORD", env.get("HELPDESK_TEST_PG_PASSWORD"));
        node.put("HELPDESK_RABBIT_HOST", env.get("HELPDESK_TEST_RABBIT_HOST"));
        node.put("HELPDESK_RABBIT_STOMP_PORT", env.get("HELPDESK_TEST_RABBIT_STOMP_PORT"));
        node.put("HELPDESK_RABBIT_USER", env.get("HELPDESK_TEST_RABBIT_USER"));
        node.put("HELPDESK_RABBIT_PASSWORD", env.get("HELPDESK_TEST_RABBIT_PASSWORD"));
        return node;
    }

    /**
     * Stops and starts the RabbitMQ application (the node stays up, every connection is dropped), holding the
     * machine-wide lock other test runs use around a broker restart. {@code whileDown} runs while it is stopped.
     */
    public void restartBroker(Runnable whileDown) throws IOException, InterruptedException {
        Path lock = Files.isDirectory(Path.of("/work")) ? Path.of("/work/rabbit.lock")
                : Path.of(System.getProperty("java.io.tmpdir"), "rabbit.lock");
        // flock holds the lock while the shell waits for "go" on stdin between stop and start.
        List<String> command = new ArrayList<>(List.of("flock", lock.toString(), "sh", "-c",
                ctl("stop_app") + " && echo stopped && read go && " + ctl("start_app") + " && echo started"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        StringBuilder log = new StringBuilder();
        while ((line = out.readLine()) != null && !line.equals("stopped")) {
            log.append(line).append('\n');
        }
        if (line == null) {
            p.waitFor(30, TimeUnit.SECONDS);
            fail("rabbitmqctl stop_app failed: " + log);
        }
        try {
            whileDown.run();
        } finally {
            p.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().flush();
            while ((line = out.readLine()) != null) {
                log.append(line).append('\n');
            }
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                fail("rabbitmqctl start_app failed: " + log);
            }
        }
    }

    private static String ctl(String command) {
        String sudo = "root".equals(System.getProperty("user.name")) ? "" : "sudo -n ";
        return sudo + "rabbitmqctl -q " + command;
    }

    /** A database of this run. */
    public final class Database implements AutoCloseable {

        private final String name;
        private final String url;

        Database(String name, String url) {
            this.name = name;
            this.url = url;
        }

        public String url() {
            return url;
        }

        @Override
        public void close() throws SQLException {
            try (Connection c = maintenance(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }
}
