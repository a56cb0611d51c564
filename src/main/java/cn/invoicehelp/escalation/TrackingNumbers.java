package cn.invoicehelp.escalation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tracking numbers: {@code BJ} + yymmdd (Beijing date of filing) + 8 random Crockford base32 characters (40 bits, not
 * enumerable) + 1 check character (Luhn mod 32 over date and random part, so any single mistyped character and most
 * swaps of neighbours are caught). Example {@code BJ2503100K7QM2XPW}. Readers forgive case, spaces and dashes, and
 * the look-alikes O (=0) and I/L (=1), as Crockford's alphabet intends for numbers read over the phone.
 */
public final class TrackingNumbers {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int N = ALPHABET.length();
    private static final int RANDOM_LENGTH = 8;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** "BJ" then 15 characters, single spaces or dashes allowed between them. */
    private static final Pattern CANDIDATE =
            Pattern.compile("(?i)(?<![0-9A-Z])BJ(?:[ \\-]?[0-9A-Z]){15}(?![0-9A-Z])");

    private TrackingNumbers() {
    }

    /** A new number for a report filed now. */
    public static String next(Clock clock) {
        LocalDate day = LocalDate.now(clock.withZone(BEIJING));
        StringBuilder body = new StringBuilder(String.format(Locale.ROOT, "%02d%02d%02d",
                day.getYear() % 100, day.getMonthValue(), day.getDayOfMonth()));
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            body.append(ALPHABET.charAt(RANDOM.nextInt(N)));
        }
        return "BJ" + body + ALPHABET.charAt(checkValue(body));
    }

    /**
     * The canonical spelling (upper case, no separators, look-alikes mapped) when {@code text} has the shape of a
     * tracking number, whether or not its check character is right.
     */
    public static Optional<String> normalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String plain = text.strip().replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        if (plain.length() != 17 || !plain.startsWith("BJ")) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder("BJ");
        for (int i = 2; i < plain.length(); i++) {
            char c = switch (plain.charAt(i)) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> plain.charAt(i);
            };
            if (ALPHABET.indexOf(c) < 0 || (i < 8 && !Character.isDigit(c))) {
                return Optional.empty();
            }
            out.append(c);
        }
        return Optional.of(out.toString());
    }

    /** True when {@code text} is a tracking number whose check character fits. */
    public static boolean isValid(String text) {
        return normalise(text).map(n -> checkValue(n.substring(2, 16)) == ALPHABET.indexOf(n.charAt(16)))
                .orElse(false);
    }

    /** The first thing in {@code text} shaped like a tracking number (normalised; its check may still be wrong). */
    public static Optional<String> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            Optional<String> n = normalise(m.group());
            if (n.isPresent()) {
                return n;
            }
        }
        return Optional.empty();
    }

    /** Luhn mod N: the check value that makes the weighted sum of body + check divisible by N. */
    private static int checkValue(CharSequence body) {
        int factor = 2;
        int sum = 0;
        for (int i = body.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(body.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / N + addend % N;
        }
        return (N - sum % N) % N;
    }
}
