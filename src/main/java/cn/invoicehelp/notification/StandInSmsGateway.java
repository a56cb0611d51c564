package cn.invoicehelp.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.UUID;

/**
 * STAND-IN, NOT A REAL SMS GATEWAY: used while no {@link SmsGateway} bean is configured. It "sends" by writing the
 * message to the table {@code sms_standin_message} (masked number, text) and a log line with the masked number, so
 * the demo works without a contract with an SMS operator. See README for plugging in a real gateway.
 */
class StandInSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(StandInSmsGateway.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    StandInSmsGateway(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void send(String phone, String text) {
        jdbc.update("INSERT INTO sms_standin_message (id, phone_masked, text, created_at) VALUES (?, ?, ?, ?)",
                UUID.randomUUID(), Contacts.maskPhone(phone), text, java.sql.Timestamp.from(clock.instant()));
        log.info("[短信替身，未真正发送] 发给 {} 的短信已记录到 sms_standin_message（{} 字）", Contacts.maskPhone(phone),
                text.length());
    }
}
