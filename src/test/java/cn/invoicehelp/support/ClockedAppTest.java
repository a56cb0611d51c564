package cn.invoicehelp.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one context shared by tests that move time (announcements, incidents, notifications): the real application
 * on a random port with a {@link TestClock} as its clock, a real SMTP server ({@link TestSmtp}) and every
 * event recorded.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import({ClockedAppTest.Config.class, cn.invoicehelp.announcement.AnnouncementFixtures.class})
public @interface ClockedAppTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Config {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }

        @Bean(destroyMethod = "close")
        TestSmtp testSmtp() {
            return new TestSmtp();
        }

        /** Mail goes to the test's SMTP server; short timeouts, though a stopped server refuses at once. */
        @Bean
        org.springframework.mail.javamail.JavaMailSender mailSender(TestSmtp smtp) {
            var sender = new org.springframework.mail.javamail.JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(smtp.port());
            sender.setDefaultEncoding("UTF-8");
            sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
            sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
            return sender;
        }

        @Bean
        RecordedEvents recordedEvents() {
            return new RecordedEvents();
        }
    }
}
