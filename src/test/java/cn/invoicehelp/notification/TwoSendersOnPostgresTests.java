package cn.invoicehelp.notification;

import cn.invoicehelp.escalation.TrackingNumbers;
import cn.invoicehelp.support.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL database (the production set-up) each run a sender over the same outbox: the claim
 * ({@link Deliveries#claim}) lets exactly one of them send each SMS. The H2 twin is {@link TwoSendersTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@OnPostgres
class TwoSendersOnPostgresTests {

    @Autowired
    NotificationService notifications;
    @Autowired
    DeliveryDispatcher dispatcher;
    @Autowired
    Deliveries deliveries;
    @Autowired
    Subscriptions subscriptions;
    @Autowired
    Senders senders;
    @Autowired
    NotificationProperties properties;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twoNodesSendingAtOnceSendEverySmsExactlyOnce() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String report = TrackingNumbers.next(clock);
        int base = (int) (Math.random() * 90_000_000);
        for (int i = 0; i < 30; i++) {
            notifications.subscribe(new NotificationService.Form("REPORT", report,
                    "139" + String.format("%08d", base + i), null, true, "api"));
        }
        assertThat(notifications.enqueue(TargetType.REPORT, report, "REPORT:" + report + ":TEST",
                new NotificationService.Message("进展 " + marker, "邮件 " + marker, "短信 " + marker), false))
                .isEqualTo(30);
        DeliveryDispatcher other = new DeliveryDispatcher(deliveries, subscriptions, senders, properties,
                transactions, clock);

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            Future<Integer> first = nodes.submit(() -> {
                together.await();
                return dispatcher.dispatchDue();
            });
            Future<Integer> second = nodes.submit(() -> {
                together.await();
                return other.dispatchDue();
            });
            first.get(2, TimeUnit.MINUTES);
            second.get(2, TimeUnit.MINUTES);
        } finally {
            nodes.shutdownNow();
        }

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT d.status, d.attempts, d.claimed_by "
                + "FROM notification_delivery d JOIN notification_subscription s ON s.id = d.subscription_id "
                + "WHERE s.target_id = ?", report);
        assertThat(rows).hasSize(30).allSatisfy(d -> {
            assertThat(d.get("status")).isEqualTo("SENT");
            assertThat(((Number) d.get("attempts")).intValue()).as("sent by one node only").isEqualTo(1);
            assertThat(d.get("claimed_by")).isNull();
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sms_standin_message WHERE text LIKE ?", Integer.class,
                "%" + marker + "%")).isEqualTo(30);
    }
}
