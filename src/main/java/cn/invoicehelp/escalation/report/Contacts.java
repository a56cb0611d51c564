package cn.invoicehelp.escalation.report;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Phone numbers and e-mail addresses as stored and compared: phones as digits only (spaces, dashes, brackets and a
 * +86 / 0086 prefix dropped), e-mail trimmed and lower-cased. Shown to staff masked only.
 */
final class Contacts {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    /** Area code (010, 02x, 0xxx) and a 7 or 8 digit local number. */
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}\\d{7,8}");
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,}");

    /** A mobile number in free text, as people type it (+86, spaces, dashes). */
    private static final Pattern MOBILE_IN_TEXT =
            Pattern.compile("(?<!\\d)(?:(?:\\+|00)?86[\\s\\-]?)?1[3-9]\\d(?:[\\s\\-]?\\d){8}(?!\\d)");
    /** A landline with its area code set apart ((010) 1234 5678, 010-12345678); run together it looks like an invoice code. */
    private static final Pattern LANDLINE_IN_TEXT =
            Pattern.compile("(?<!\\d)[(（]?0\\d{2,3}[)）]?[\\s\\-]\\d{3,4}[\\s\\-]?\\d{4}(?!\\d)");
    private static final Pattern EMAIL_IN_TEXT = Pattern.compile("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9.\\-]+\\.[A-Za-z]{2,}");

    private Contacts() {
    }

    /** Digits of a phone number without the country code; null when it is no mainland mobile or landline. */
    static String phone(String raw) {
        if (raw == null) {
            return null;
        }
        String digits = raw.strip().replaceAll("[\\s\\-()（）.]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.length() == 13 && digits.startsWith("861")) {
            digits = digits.substring(2);
        }
        return MOBILE.matcher(digits).matches() || LANDLINE.matcher(digits).matches() ? digits : null;
    }

    /** The address lower-cased; null when it is not an e-mail address. */
    static String email(String raw) {
        if (raw == null) {
            return null;
        }
        String email = raw.strip().toLowerCase(Locale.ROOT);
        return email.length() <= 254 && EMAIL.matcher(email).matches() ? email : null;
    }

    /** True when {@code given} is the phone or e-mail of the report, as typed by a person. */
    static boolean matches(String given, String phone, String email) {
        if (given == null || given.isBlank()) {
            return false;
        }
        if (given.contains("@")) {
            String e = email(given);
            return e != null && e.equals(email);
        }
        String p = phone(given);
        return p != null && p.equals(phone);
    }

    /** 138****1234, 010****5678. */
    static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        return phone.length() <= 7 ? "*".repeat(phone.length())
                : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    /** z***@example.com. */
    static String maskEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    /** Free text (a chat transcript) with every e-mail address and phone number in it masked. */
    static String maskAll(String text) {
        if (text == null) {
            return null;
        }
        String masked = EMAIL_IN_TEXT.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                maskEmail(m.group())));
        masked = MOBILE_IN_TEXT.matcher(masked).replaceAll(m -> maskPhone(digitsOf(m.group(), true)));
        return LANDLINE_IN_TEXT.matcher(masked).replaceAll(m -> maskPhone(digitsOf(m.group(), false)));
    }

    private static String digitsOf(String typed, boolean mobile) {
        String digits = typed.replaceAll("\\D", "");
        return mobile && digits.length() > 11 ? digits.substring(digits.length() - 11) : digits;
    }
}
