package cn.invoicehelp.notification;

import cn.invoicehelp.support.OnPostgres;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Subscriptions, the delivery outbox and the SMS stand-in's table on H2 and on PostgreSQL. */
class NotificationStorageTests {

    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @AutoConfigureRestTestClient
    abstract static class OnEachDatabase {

        @Autowired
        Subscriptions subscriptions;

        @Autowired
        Deliveries deliveries;

        @Autowired
        JdbcTemplate jdbc;

        @Autowired
        Clock clock;

        // Far in the future, so no dispatcher of a running test application picks these deliveries up.
        private static final Instant LATER = Instant.parse("2092-05-01T00:00:00Z");

        @Test
        void dueDeliveriesComeOutOldestFirstOnceEachAndEndedSubscriptionsGiveUpTheirContacts() {
            Subscription created = subscriptions.save(new Subscription(TargetType.REPORT,
                    "BJ" + UUID.randomUUID().toString().substring(0, 8), "13800138000", "a@example.com",
                    UUID.randomUUID().toString(), "WEB", LATER));
            UUID id = created.id();
            try {
                Subscription subscription = created;
                Delivery later = deliveries.save(new Delivery(id, Channel.SMS, "stage:2", null, "第二条",
                        LATER.plusSeconds(60)));
                Delivery first = deliveries.save(new Delivery(id, Channel.SMS, "stage:1", null, "第一条",
                        LATER));
                assertThatThrownBy(() -> deliveries.saveAndFlush(new Delivery(id, Channel.SMS,
                        "stage:1", null, "重复", LATER))).isInstanceOf(DataIntegrityViolationException.class);

                assertThat(deliveries.findByStatusAndNextAttemptAtLessThanEqualOrderByNextAttemptAt(Delivery.PENDING,
                        LATER.plusSeconds(60), Limit.of(1000))).extracting(Delivery::id)
                        .containsSubsequence(first.id(), later.id());
                assertThat(deliveries.findByStatusAndNextAttemptAtLessThanEqualOrderByNextAttemptAt(Delivery.PENDING,
                        LATER.plusSeconds(59), Limit.of(1000))).extracting(Delivery::id).doesNotContain(later.id());
                assertThat(deliveries.existsBySubscriptionIdAndChannelAndEventKey(id, Channel.SMS,
                        "stage:1")).isTrue();

                subscription.end(LATER);
                subscription = subscriptions.save(subscription);
                assertThat(subscriptions.endedWithContacts()).extracting(Subscription::id).contains(id);
                subscription.eraseContacts(LATER);
                subscription = subscriptions.save(subscription);
                assertThat(subscriptions.endedWithContacts()).extracting(Subscription::id)
                        .doesNotContain(id);
            } finally {
                deliveries.deleteAll(deliveries.findBySubscriptionIdAndStatus(id, Delivery.PENDING));
                subscriptions.deleteById(id);
            }
        }

        @Test
        void theSmsStandInRecordsWhatItWouldHaveSent() {
            String text = "您的报障已进入实施修复阶段 " + UUID.randomUUID();
            new StandInSmsGateway(jdbc, clock).send("13900139000", text);
            assertThat(jdbc.queryForObject("SELECT phone_masked FROM sms_standin_message WHERE text = ?", String.class,
                    text)).doesNotContain("13900139000").startsWith("139");
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
