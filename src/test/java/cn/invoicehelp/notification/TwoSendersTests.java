package cn.invoicehelp.notification;

import cn.invoicehelp.escalation.TrackingNumbers;
import cn.invoicehelp.support.ClockedAppTest;
import cn.invoicehelp.support.OnPostgres;
import cn.invoicehelp.support.TestClock;
import cn.invoicehelp.support.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Two nodes share one database: each runs its own sender over the same outbox. Every message goes out exactly once,
 * on H2 and on PostgreSQL (the production set-up, where the claim {@link Deliveries#claim} keeps the nodes apart),
 * and a claim left behind by a node that stopped mid-send is taken over once its lease has run out.
 */
class TwoSendersTests {

    abstract static class OnEachDatabase {

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
        /** Only in the clocked context: there subscribers also get e-mail, and the test reads it back. */
        @Autowired(required = false)
        TestSmtp smtp;

        private final int people;

        /** {@code people} subscribe to each change: by SMS, and by e-mail where there is a test mail server. */
        OnEachDatabase(int people) {
            this.people = people;
        }

        private boolean byMail() {
            return smtp != null;
        }

        /** A second node: its own sender, same database, same SMTP server and SMS gateway. */
        DeliveryDispatcher otherNode() {
            return new DeliveryDispatcher(deliveries, subscriptions, senders, properties, transactions, clock);
        }

        /** Subscribes {@code count} people to a new report and queues one change for them. */
        String queueForSubscribers(int count, String marker) {
            String report = TrackingNumbers.next(clock);
            int base = (int) (Math.random() * 90_000_000);
            for (int i = 0; i < count; i++) {
                notifications.subscribe(new NotificationService.Form("REPORT", report,
                        "139" + String.format("%08d", base + i),
                        byMail() ? "node" + i + "-" + marker + "@example.com" : null, true, "api"));
            }
            int queued = notifications.enqueue(TargetType.REPORT, report, "REPORT:" + report + ":TEST",
                    new NotificationService.Message("进展 " + marker, "邮件 " + marker, "短信 " + marker), false);
            assertThat(queued).isEqualTo(channels() * count);
            return report;
        }

        private int channels() {
            return byMail() ? 2 : 1;
        }

        List<String> mailRecipients(String marker) throws Exception {
            List<String> to = new ArrayList<>();
            for (MimeMessage mail : smtp.received()) {
                if (mail.getSubject().contains(marker)) {
                    Arrays.stream(mail.getAllRecipients()).forEach(a -> to.add(a.toString()));
                }
            }
            return to;
        }

        List<Map<String, Object>> deliveriesOf(String report) {
            return jdbc.queryForList("SELECT d.status, d.attempts, d.claimed_by FROM notification_delivery d "
                    + "JOIN notification_subscription s ON s.id = d.subscription_id WHERE s.target_id = ?", report);
        }

        int smsWith(String marker) {
            return jdbc.queryForObject("SELECT COUNT(*) FROM sms_standin_message WHERE text LIKE ?", Integer.class,
                    "%" + marker + "%");
        }

        @Test
        void twoNodesSendingAtOnceSendEveryMessageExactlyOnce() throws Exception {
            String marker = UUID.randomUUID().toString().substring(0, 8);
            String report = queueForSubscribers(people, marker);
            DeliveryDispatcher other = otherNode();

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

            assertThat(deliveriesOf(report)).hasSize(channels() * people).allSatisfy(d -> {
                assertThat(d.get("status")).isEqualTo("SENT");
                assertThat(((Number) d.get("attempts")).intValue()).as("sent by one node only").isEqualTo(1);
                assertThat(d.get("claimed_by")).isNull();
            });
            if (byMail()) {
                assertThat(mailRecipients(marker)).hasSize(people).doesNotHaveDuplicates();
            }
            assertThat(smsWith(marker)).isEqualTo(people);
        }
    }

    @Nested
    @ClockedAppTest
    class OnH2 extends OnEachDatabase {

        @Autowired
        TestClock testClock;

        OnH2() {
            super(20);
        }

        @BeforeEach
        void freshMailbox() {
            smtp.start();
            smtp.clear();
        }

        @Test
        void aClaimLeftByAStoppedNodeIsTakenOverOnceItsLeaseRunsOut() throws Exception {
            String marker = UUID.randomUUID().toString().substring(0, 8);
            String report = queueForSubscribers(1, marker);
            // The other node claimed both messages, then stopped before sending them.
            List<UUID> due = deliveries.findDue(testClock.instant(), PageRequest.of(0, 100));
            var txt = new TransactionTemplate(transactions);
            int claimed = 0;
            for (UUID id : due) {
                claimed += txt.execute(s -> deliveries.claim(id, "stopped-node", testClock.instant(),
                        testClock.instant().plus(properties.claimLease())));
            }
            assertThat(claimed).isGreaterThanOrEqualTo(2);

            dispatcher.dispatchDue();
            assertThat(mailRecipients(marker)).as("still held by the stopped node").isEmpty();
            assertThat(smsWith(marker)).isZero();

            testClock.advance(properties.claimLease());
            dispatcher.dispatchDue();
            assertThat(mailRecipients(marker)).hasSize(1);
            assertThat(smsWith(marker)).isEqualTo(1);
            assertThat(deliveriesOf(report)).allSatisfy(d -> assertThat(d.get("status")).isEqualTo("SENT"));
        }
    }

    /** The production set-up; this context has no test mail server, so the subscribers get SMS only. */
    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @AutoConfigureRestTestClient
    @OnPostgres
    class OnPostgresql extends OnEachDatabase {

        OnPostgresql() {
            super(30);
        }
    }
}
