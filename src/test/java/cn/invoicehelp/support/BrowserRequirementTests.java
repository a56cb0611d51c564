package cn.invoicehelp.support;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A missing browser skips browser tests with the reason on a developer's machine and fails them in CI. */
class BrowserRequirementTests {

    @Test
    void missingBrowserFailsInCi() {
        assertThatThrownBy(() -> Browser.require(false, Map.of("CI", "true")))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("chromium");
    }

    @Test
    void missingBrowserSkipsWithTheReasonElsewhere() {
        assertThatThrownBy(() -> Browser.require(false, Map.of()))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("apt-get install chromium");
    }

    @Test
    void installedBrowserRunsEverywhere() {
        assertThatCode(() -> Browser.require(true, Map.of("CI", "true"))).doesNotThrowAnyException();
    }
}
