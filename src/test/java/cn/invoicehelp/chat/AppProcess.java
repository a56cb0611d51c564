package cn.invoicehelp.chat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged application as a process of its own (for the kill -9 test, the two-node test and the load benchmarks):
 * random port, data and working folder of the caller's choice, the repository's knowledge base, no demo invoices.
 */
public final class AppProcess implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("started on port (\\d+)", Pattern.CASE_INSENSITIVE);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final Process process;
    public final int port;
    public final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar and waits until its health check answers; {@code jvmOptions} and {@code args} are added. */
    static AppProcess start(Path work, String name, List<String> jvmOptions, List<String> args)
            throws IOException, InterruptedException {
        return start(work, name, jvmOptions, args, Map.of("HELPDESK_ADMIN_PASSWORD", UUID.randomUUID().toString()));
    }

    /** The same with environment variables of the caller's choice (production profile settings, admin password). */
    public static AppProcess start(Path work, String name, List<String> jvmOptions, List<String> args,
                                   Map<String, String> environment) throws IOException, InterruptedException {
        Path log = work.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString(),
                "--server.port=0",
                "--helpdesk.data-dir=" + work.resolve("data"),
                "--helpdesk.knowledge.dir=" + baseDir().resolve("knowledge-base"),
                "--helpdesk.knowledge.watch=false",
                "--helpdesk.invoice.demo-count=0"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(360);
        int port = 0;
        try {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the app stopped while starting:\n" + tail(log));
                }
                if (port == 0) {
                    Matcher m = PORT.matcher(Files.readString(log, StandardCharsets.UTF_8));
                    if (m.find()) {
                        port = Integer.parseInt(m.group(1));
                    }
                } else if (healthy(port)) {
                    return new AppProcess(process, port, log);
                }
                Thread.sleep(100);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        process.destroyForcibly();
        throw new IllegalStateException("the app did not start in time:\n" + tail(log));
    }

    /** SIGKILL: no shutdown hook, nothing flushed. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    long pid() {
        return process.pid();
    }

    /** CPU time (user + system) the process has used so far, from /proc. */
    Duration cpuTime() throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
        return Duration.ofMillis(ticks * 10); // USER_HZ = 100 on Linux
    }

    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill9();
            }
        }
    }

    /** {@code /actuator/health} as it answers now (status code and body), for tests that watch a component. */
    public String health() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (IOException e) {
            return "unreachable " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static boolean healthy(int port) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    static Path baseDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    /** The jar {@code mvn package} built (failsafe runs after it), or {@code -Dchat.app.jar=...}. */
    static Path jar() throws IOException {
        String configured = System.getProperty("chat.app.jar");
        if (configured != null) {
            return Path.of(configured);
        }
        try (Stream<Path> files = Files.list(baseDir().resolve("target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no packaged jar in target/: run mvn package first"));
        }
    }
}
