package cn.invoicehelp.chat;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Summarises a JFR recording of the server for docs/benchmarks.md: CPU samples by the frame they were taken in (self)
 * and by the application method on the stack (inclusive), allocation (sampled weight) by the application method that
 * allocated, and allocation per message. Arguments: the .jfr file, the number of messages handled while it recorded,
 * optionally the second of the recording to start from (skips start-up and warm-up).
 *
 * <pre>mvn -B -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=cn.invoicehelp.chat.JfrProfileSummary -Dexec.args="server.jfr 6000 60"</pre>
 */
public final class JfrProfileSummary {

    private static final String OWN = "cn.invoicehelp.";
    private static final int TOP = 15;

    private JfrProfileSummary() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        long messages = Long.parseLong(args[1]);
        long skipSeconds = args.length > 2 ? Long.parseLong(args[2]) : 0;
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        Instant first = events.stream().map(RecordedEvent::getStartTime).min(Instant::compareTo).orElseThrow();
        Instant from = first.plusSeconds(skipSeconds);
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> allocatedBy = new HashMap<>();
        long samples = 0;
        long allocated = 0;
        Instant last = from;
        for (RecordedEvent event : events) {
            if (event.getStartTime().isBefore(from)) {
                continue;
            }
            last = event.getStartTime().isAfter(last) ? event.getStartTime() : last;
            String type = event.getEventType().getName();
            RecordedStackTrace stack = event.getStackTrace();
            if (type.equals("jdk.ExecutionSample") && stack != null && !stack.getFrames().isEmpty()) {
                samples++;
                self.merge(name(stack.getFrames().get(0)), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : stack.getFrames()) {
                    String name = name(frame);
                    if (name.startsWith(OWN) && seen.add(name)) {
                        inclusive.merge(name, 1L, Long::sum);
                    }
                }
            } else if (type.equals("jdk.ObjectAllocationSample")) {
                long weight = event.getLong("weight");
                allocated += weight;
                String owner = "(no application frame)";
                if (stack != null) {
                    for (RecordedFrame frame : stack.getFrames()) {
                        if (name(frame).startsWith(OWN)) {
                            owner = name(frame);
                            break;
                        }
                    }
                }
                allocatedBy.merge(owner, weight, Long::sum);
            }
        }
        System.out.printf(Locale.ROOT, "%s from second %d: %d CPU samples, %.1f MB allocated (sampled weight) = %.0f KB "
                        + "per message over %d messages (%.0f s)%n", file.getFileName(), skipSeconds, samples,
                allocated / 1e6, allocated / 1024.0 / Math.max(1, messages), messages,
                java.time.Duration.between(from, last).toMillis() / 1000.0);
        print("CPU samples, frame on top (self)", self, samples);
        print("CPU samples, application method on the stack (inclusive)", inclusive, samples);
        print("allocation by the innermost application method", allocatedBy, allocated);
    }

    private static void print(String title, Map<String, Long> counts, long total) {
        System.out.println();
        System.out.println(title + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * e.getValue() / Math.max(1, total),
                        e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
