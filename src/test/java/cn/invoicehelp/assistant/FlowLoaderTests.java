package cn.invoicehelp.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowLoaderTests {

    static final Set<String> INTENTS = Set.of("affirm", "deny");
    static final String VALID = """
            id: demo
            start: first
            steps:
              - id: first
                title: 第一步
                prompt: 网络正常吗？
                choices:
                  - {value: ok, label: 正常, when: [affirm], next: second}
                  - {value: human, label: 转人工, action: handoff}
              - id: second
                title: 第二步
                prompt: 好的
                choices:
                  - {value: done, label: 完成, action: done}
            """;

    @TempDir
    Path dir;

    @Test
    void loadsTheShippedFlows() {
        Map<String, Intent> intents = new IntentLoader().load(Path.of("knowledge-base/intents"));
        Map<String, Flow> flows = new FlowLoader().load(Path.of("knowledge-base/flows"), intents.keySet());
        Flow selfCheck = flows.get("self-check");
        assertThat(selfCheck.steps().values()).extracting(Flow.Step::title).contains("检查网络连接", "核对发票号码和日期",
                "确认发票类型", "系统维护", "重启/重试", "联系人工/提交故障报告");
        assertThat(selfCheck.steps().values()).anyMatch(Flow.Step::verifies);
    }

    @Test
    void loadsAValidFlow() throws IOException {
        write("demo.yml", VALID);
        assertThat(new FlowLoader().load(dir, INTENTS).get("demo").step("first").choices()).hasSize(2);
    }

    @Test
    void rejectsUnknownStepReference() throws IOException {
        write("demo.yml", VALID.replace("next: second", "next: nowhere"));
        assertFails("demo.yml", "step 'first'", "unknown step 'nowhere'");
    }

    @Test
    void rejectsMissingPrompt() throws IOException {
        write("demo.yml", VALID.replace("    prompt: 好的\n", ""));
        assertFails("demo.yml", "step 'second'", "missing 'prompt'");
    }

    @Test
    void rejectsUnknownAction() throws IOException {
        write("demo.yml", VALID.replace("action: done", "action: explode"));
        assertFails("demo.yml", "step 'second'", "unknown action 'explode'");
    }

    @Test
    void rejectsDuplicateStepIds() throws IOException {
        write("demo.yml", VALID.replace("id: second", "id: first").replace("next: second", "next: first"));
        assertFails("demo.yml", "step 'first'", "duplicate step id");
    }

    @Test
    void rejectsDuplicateFlowIdsAcrossFiles() throws IOException {
        write("a.yml", VALID);
        write("b.yml", VALID);
        assertFails("b.yml", null, "duplicate flow id 'demo'");
    }

    @Test
    void rejectsUnknownIntentAndUnknownStartAndTypos() throws IOException {
        write("demo.yml", VALID.replace("when: [affirm]", "when: [maybe]"));
        assertFails("demo.yml", "step 'first'", "unknown intent 'maybe'");
        write("demo.yml", VALID.replace("start: first", "start: zero"));
        assertFails("demo.yml", null, "start step 'zero' does not exist");
        write("demo.yml", VALID.replace("prompt: 好的", "promt: 好的"));
        assertFails("demo.yml", "step 'second'", "unknown key 'promt'");
    }

    @Test
    void rejectsLookupStepWithoutPromptForAFieldOrWithoutAnOutcome() throws IOException {
        String lookup = VALID + """
                  - id: lookup
                    title: 查发票
                    prompt: 请提供发票信息
                    call: verify
                    collect: [number, issueDate]
                    ask:
                      number: 号码？
                    outcomes:
                      FOUND: {choices: [{value: ok, label: 好, action: done}]}
                """;
        write("demo.yml", lookup);
        assertFails("demo.yml", "step 'lookup'", "missing prompt 'ask.issueDate'");
        write("demo.yml", lookup.replace("      number: 号码？", "      number: 号码？\n      issueDate: 日期？"));
        assertFails("demo.yml", "step 'lookup'", "missing outcome");
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    private void assertFails(String file, String where, String problem) {
        assertThatThrownBy(() -> new FlowLoader().load(dir, INTENTS))
                .isInstanceOf(FlowDefinitionException.class)
                .hasMessageContaining(file)
                .hasMessageContaining(where == null ? file : where)
                .hasMessageContaining(problem);
    }
}
