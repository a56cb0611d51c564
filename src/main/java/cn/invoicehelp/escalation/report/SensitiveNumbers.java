package cn.invoicehelp.escalation.report;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal numbers nobody should send us: resident ID numbers (18 characters with a valid ISO 7064 check
 * digit) and bank card numbers (13–19 digits passing Luhn), written in one run or in the usual groups.
 */
final class SensitiveNumbers {

    enum Kind { RESIDENT_ID, BANK_CARD }

    private static final Pattern ID_RUN = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern ID_GROUPED = Pattern.compile("(?<![0-9])[0-9]{6}[ \\-][0-9]{8}[ \\-][0-9]{3}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern CARD_RUN = Pattern.compile("(?<![0-9])[0-9]{13,19}(?![0-9])");
    private static final Pattern CARD_GROUPED = Pattern.compile("(?<![0-9])[0-9]{4}(?:[ \\-][0-9]{4}){2,3}(?:[ \\-][0-9]{1,4})?(?![0-9])");
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";

    private SensitiveNumbers() {
    }

    static Optional<Kind> find(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String plain = halfWidth(text);
        for (Pattern p : new Pattern[] {ID_RUN, ID_GROUPED}) {
            Matcher m = p.matcher(plain);
            while (m.find()) {
                if (residentId(m.group().replaceAll("[ \\-]", ""))) {
                    return Optional.of(Kind.RESIDENT_ID);
                }
            }
        }
        for (Pattern p : new Pattern[] {CARD_RUN, CARD_GROUPED}) {
            Matcher m = p.matcher(plain);
            while (m.find()) {
                String digits = m.group().replaceAll("[ \\-]", "");
                if (digits.length() >= 13 && digits.length() <= 19 && luhn(digits)) {
                    return Optional.of(Kind.BANK_CARD);
                }
            }
        }
        return Optional.empty();
    }

    static boolean residentId(String id) {
        if (id.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return Character.toUpperCase(id.charAt(17)) == ID_CHECK.charAt(sum % 11);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** Full-width digits and letters (０-９, Ｘ) read as their ASCII forms. */
    private static String halfWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c == '\u3000' ? ' ' : c);
        }
        return out.toString();
    }
}
