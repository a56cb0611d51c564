package cn.invoicehelp.notification;

import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** The two channels: e-mail through the configured SMTP server, SMS through the configured gateway (or the stand-in). */
@Component
class Senders {

    private final ObjectProvider<JavaMailSender> mail;
    private final SmsGateway sms;
    private final NotificationProperties properties;

    Senders(ObjectProvider<JavaMailSender> mail, ObjectProvider<SmsGateway> gateways, JdbcTemplate jdbc, Clock clock,
            NotificationProperties properties) {
        this.mail = mail;
        this.sms = gateways.getIfUnique(() -> new StandInSmsGateway(jdbc, clock));
        this.properties = properties;
    }

    void email(String to, String subject, String text) throws Exception {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("未配置邮件服务器（spring.mail.host），邮件暂时无法发送");
        }
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.mailFrom());
        helper.setTo(to);
        helper.setSubject(subject);
        helper.setText(text, false);
        sender.send(message);
    }

    void sms(String phone, String text) throws Exception {
        sms.send(phone, text);
    }

    boolean smsIsStandIn() {
        return sms instanceof StandInSmsGateway;
    }
}
