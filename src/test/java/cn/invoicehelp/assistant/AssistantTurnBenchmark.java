package cn.invoicehelp.assistant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * CPU time and allocation of one assistant turn ({@link Assistant#answer}: state read, understanding, FAQ, replies;
 * nothing stored), measured on the turn's own thread, so other processes on the machine change the figures little.
 * Real application context (H2 in memory), the chat load benchmark's questions over 200 conversations, 3,000 warm-up
 * turns, then 10,000 measured ones. Not part of {@code mvn verify}.
 *
 * <pre>mvn -B -q test -Dtest=AssistantTurnBenchmark</pre>
 */
@SpringBootTest
class AssistantTurnBenchmark {

    private static final List<String> QUESTIONS = List.of("我的发票在北京系统里查不到", "校验码要填几位", "数电票没有代码怎么查",
            "专票金额填含税还是不含税", "今天刚开的发票查不到", "一张发票一天能查几次", "系统是不是在维护", "发票被红冲了怎么办");
    private static final int WARMUP = Integer.getInteger("assistant.bench.warmup", 3000);
    private static final int TURNS = Integer.getInteger("assistant.bench.turns", 10000);

    @Autowired
    Assistant assistant;

    @Test
    void cpuAndAllocationPerTurn() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<UUID> conversations = java.util.stream.IntStream.range(0, 200).mapToObj(i -> UUID.randomUUID()).toList();
        run(WARMUP, conversations);
        long thread = Thread.currentThread().getId();
        long cpu = threads.getCurrentThreadCpuTime();
        long allocated = threads.getThreadAllocatedBytes(thread);
        long wall = System.nanoTime();
        run(TURNS, conversations);
        wall = System.nanoTime() - wall;
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        allocated = threads.getThreadAllocatedBytes(thread) - allocated;
        System.out.printf(Locale.ROOT, "assistant turn: %.3f ms CPU, %.1f KB allocated per turn (%d turns; wall %.3f ms "
                + "per turn)%n", cpu / 1e6 / TURNS, allocated / 1024.0 / TURNS, TURNS, wall / 1e6 / TURNS);
    }

    private void run(int turns, List<UUID> conversations) {
        for (int k = 0; k < turns; k++) {
            UUID conversation = conversations.get(k % conversations.size());
            String question = QUESTIONS.get((k / conversations.size()) % QUESTIONS.size());
            if (assistant.answer(conversation, question, null, "10.0.0.1").replies().isEmpty()) {
                throw new AssertionError("no reply to " + question);
            }
        }
    }
}
