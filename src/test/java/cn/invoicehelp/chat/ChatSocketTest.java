package cn.invoicehelp.chat;

import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one context all socket tests share (chat and console): the real app on a random port plus the test assistant.
 * The event sender is a spy (real unless a test says otherwise, reset after each test), so a test can slow one send
 * down to provoke a race without a context of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ChatTestAssistant.class)
@MockitoSpyBean(types = EventSender.class)
public @interface ChatSocketTest {
}
