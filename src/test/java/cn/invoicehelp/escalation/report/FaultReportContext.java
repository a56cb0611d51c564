package cn.invoicehelp.escalation.report;

import cn.invoicehelp.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** One shared context for the fault report API tests: the whole app behind MockMvc, with a clock the tests move. */
@SpringBootTest
@AutoConfigureMockMvc
abstract class FaultReportContext {

    static final Instant NOW = Instant.parse("2025-03-10T02:00:00Z"); // 10:00 in Beijing
    static final TestClock CLOCK = new TestClock(NOW);
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @TestBean(name = "clock", methodName = "cn.invoicehelp.escalation.report.FaultReportContext#clock")
    Clock clock;

    @Autowired
    MockMvc mvc;

    static Clock clock() {
        return CLOCK;
    }

    @BeforeEach
    void resetClock() {
        CLOCK.set(NOW);
    }

    /** Each test comes from its own client address, so the per-client limits of one test leave the others alone. */
    static RequestPostProcessor newClient() {
        String address = "10.9." + (CLIENTS.get() / 250) + "." + (CLIENTS.incrementAndGet() % 250 + 1);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
