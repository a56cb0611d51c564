package cn.invoicehelp.notification;

import java.util.Locale;
import java.util.regex.Pattern;

/** Reading and masking phone numbers and e-mail addresses. Only masked forms ever leave this module. */
final class Contacts {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9-]{1,63})+");

    private Contacts() {
    }

    /** A mainland mobile number (spaces, dashes and +86 allowed), or null when it is not one. */
    static String phone(String raw) {
        if (raw == null) {
            return null;
        }
        String digits = raw.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        return MOBILE.matcher(digits).matches() ? digits : null;
    }

    /** A plausible e-mail address, lower-cased domain, or null. */
    static String email(String raw) {
        if (raw == null) {
            return null;
        }
        String trimmed = raw.strip();
        if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
            return null;
        }
        int at = trimmed.lastIndexOf('@');
        return trimmed.substring(0, at) + trimmed.substring(at).toLowerCase(Locale.ROOT);
    }

    /** 138****1234 */
    static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        return phone.length() < 7 ? "*".repeat(phone.length())
                : phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    /** z***@example.com */
    static String maskEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    /** Replaces every contact in a text (e.g. an error message from a mail server) with its masked form. */
    static String scrub(String text, String phone, String email) {
        if (text == null) {
            return null;
        }
        String out = text;
        if (phone != null) {
            out = out.replace(phone, maskPhone(phone));
        }
        if (email != null) {
            out = out.replace(email, maskEmail(email));
            out = out.replace(email.toLowerCase(Locale.ROOT), maskEmail(email));
        }
        // Anything else that looks like an address or a mobile number is masked too.
        out = EMAIL.matcher(out).replaceAll(m -> maskEmail(m.group()));
        return Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)").matcher(out).replaceAll(m -> maskPhone(m.group()));
    }
}
