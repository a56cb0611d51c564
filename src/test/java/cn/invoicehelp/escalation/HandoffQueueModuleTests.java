package cn.invoicehelp.escalation;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The escalation module alone: hand-offs enter the queue, say whether someone can answer, and are claimed once. */
@ApplicationModuleTest
class HandoffQueueModuleTests {

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Autowired
    Handoffs handoffs;

    @Autowired
    AgentPresence presence;

    private static HandoffRequested requested(UUID id) {
        return new HandoffRequested(id, "user", List.of("检查网络连接"), Map.of("number", "12345678"),
                List.of(new HandoffRequested.Line("user", "转人工", Instant.parse("2026-11-30T01:59:00Z"))),
                "https://fp.example.gov.cn/cx", Instant.parse("2026-11-30T02:00:00Z"));
    }

    @Test
    void withNobodyOnlineTheHandoffIsStillQueuedAndSaysSo(Scenario scenario) {
        UUID id = UUID.randomUUID();
        scenario.publish(requested(id))
                .andWaitForEventOfType(HandoffQueued.class)
                .matching(e -> e.conversationId().equals(id))
                .toArriveAndVerify(e -> {
                    assertThat(e.availability()).isEqualTo(HandoffQueued.Availability.NO_AGENT_ONLINE);
                    assertThat(e.position()).isGreaterThanOrEqualTo(1);
                });
        HandoffView view = handoffs.find(id).orElseThrow();
        assertThat(view.status()).isEqualTo("WAITING");
        assertThat(view.stepsDone()).containsExactly("检查网络连接");
        assertThat(view.invoiceFields()).containsEntry("number", "12345678");
        assertThat(view.pageUrl()).isEqualTo("https://fp.example.gov.cn/cx");
    }

    @Test
    void anAgentOnlineMakesItOpenAndAClaimIsPublishedOnceOnly(Scenario scenario) {
        presence.connected(new Agent("wang", "小王"), "s-1");
        try {
            UUID id = UUID.randomUUID();
            scenario.publish(requested(id))
                    .andWaitForEventOfType(HandoffQueued.class)
                    .matching(e -> e.conversationId().equals(id))
                    .toArriveAndVerify(e -> assertThat(e.availability()).isEqualTo(HandoffQueued.Availability.OPEN));
            // the same request again (a republished event) does not queue it twice
            scenario.publish(requested(id)).andWaitForStateChange(() -> handoffs.active().stream()
                            .filter(h -> h.conversationId().equals(id)).count())
                    .andVerify(count -> assertThat(count).isEqualTo(1L));

            scenario.stimulate(() -> handoffs.claim(id, new Agent("wang", "小王")))
                    .andWaitForEventOfType(HandoffClaimed.class)
                    .matching(e -> e.conversationId().equals(id))
                    .toArriveAndVerify(e -> assertThat(e.agent().displayName()).isEqualTo("小王"));
            assertThatThrownBy(() -> handoffs.claim(id, new Agent("li", "小李")))
                    .isInstanceOfSatisfying(HandoffConflict.class,
                            c -> assertThat(c.claimedByName()).isEqualTo("小王"));
            assertThatThrownBy(() -> handoffs.close(id, new Agent("li", "小李"), false))
                    .as("only the agent who has it closes it").isInstanceOf(HandoffConflict.class);

            scenario.stimulate(() -> handoffs.close(id, new Agent("wang", "小王"), false))
                    .andWaitForEventOfType(HandoffClosed.class)
                    .matching(e -> e.conversationId().equals(id))
                    .toArrive();
            assertThat(handoffs.find(id).orElseThrow().status()).isEqualTo("CLOSED");
        } finally {
            presence.disconnected("wang", "s-1");
        }
    }

    @Test
    void theSecondInLineIsToldItsPlaceAndAnEstimate(Scenario scenario) {
        presence.connected(new Agent("zhao", "小赵"), "s-2");
        try {
            UUID first = UUID.randomUUID();
            UUID second = UUID.randomUUID();
            scenario.publish(requested(first)).andWaitForEventOfType(HandoffQueued.class)
                    .matching(e -> e.conversationId().equals(first)).toArrive();
            scenario.publish(requested(second)).andWaitForEventOfType(HandoffQueued.class)
                    .matching(e -> e.conversationId().equals(second))
                    .toArriveAndVerify(e -> {
                        int before = handoffs.active().stream().filter(h -> "WAITING".equals(h.status()))
                                .toList().indexOf(handoffs.find(second).orElseThrow());
                        assertThat(e.position()).isEqualTo(before + 1).isGreaterThanOrEqualTo(2);
                        assertThat(e.estimatedWaitSeconds()).isEqualTo(e.position() * 240L);
                    });
            // the first is claimed: everyone behind moves up
            scenario.stimulate(() -> handoffs.claim(first, new Agent("zhao", "小赵")))
                    .andWaitForEventOfType(HandoffQueueChanged.class)
                    .toArriveAndVerify(e -> assertThat(e.waiting()).noneMatch(p -> p.conversationId().equals(first)));
        } finally {
            presence.disconnected("zhao", "s-2");
        }
    }
}
