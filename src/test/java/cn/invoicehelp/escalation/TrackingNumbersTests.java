package cn.invoicehelp.escalation;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TrackingNumbersTests {

    final Clock clock = Clock.fixed(Instant.parse("2025-03-10T17:30:00Z"), ZoneOffset.UTC);

    @Test
    void numbersStartWithBjAndTheBeijingDateAndAreReadable() {
        String number = TrackingNumbers.next(clock);
        // 17:30 UTC is already the 11th in Beijing.
        assertThat(number).matches("BJ250311[0-9A-HJKMNP-TV-Z]{9}");
        assertThat(TrackingNumbers.isValid(number)).isTrue();
    }

    @Test
    void numbersOfOneDayDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(TrackingNumbers.next(clock))).isTrue();
        }
    }

    @Test
    void everySingleMistypedCharacterIsCaught() {
        for (int n = 0; n < 50; n++) {
            String number = TrackingNumbers.next(clock);
            for (int i = 2; i < number.length(); i++) {
                for (char c : TrackingNumbers.ALPHABET.toCharArray()) {
                    if (c == number.charAt(i) || (i < 8 && !Character.isDigit(c))) {
                        continue;
                    }
                    String typo = number.substring(0, i) + c + number.substring(i + 1);
                    assertThat(TrackingNumbers.isValid(typo)).as(typo).isFalse();
                }
            }
        }
    }

    @Test
    void readingForgivesCaseSpacesDashesAndLookAlikes() {
        String number = "BJ2503100K7QM2X1W";
        String check = TrackingNumbers.normalise(number).orElseThrow();
        assertThat(TrackingNumbers.normalise("bj 250310-0k7q m2x1-w")).contains(check);
        assertThat(TrackingNumbers.normalise("BJ250310OK7QM2XLW")).contains(check);
        assertThat(TrackingNumbers.normalise("BJ25031O0K7QM2X1W")).contains("BJ2503100K7QM2X1W");
        assertThat(TrackingNumbers.normalise("BJ2503100K7QM2X1")).isEmpty();
        assertThat(TrackingNumbers.normalise("BJ2503100K7QM2XUW")).isEmpty();
    }

    @Test
    void findsANumberInAMessage() {
        String number = TrackingNumbers.next(clock);
        assertThat(TrackingNumbers.find("我的报障进度 " + number.toLowerCase() + "，手机 13800138000")).contains(number);
        assertThat(TrackingNumbers.find("我的发票号码 12345678")).isEmpty();
    }
}
