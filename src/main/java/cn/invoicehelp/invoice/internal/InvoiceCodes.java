package cn.invoicehelp.invoice.internal;

import cn.invoicehelp.invoice.InvoiceType;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** What the digits of an invoice code or 数电 number say: type and region (see docs/invoice.md for the rules). */
final class InvoiceCodes {

    private static final Pattern CODE_10 = Pattern.compile("\\d{8}[2-9][0-4]");
    private static final Pattern CODE_12 = Pattern.compile("[01]\\d{11}");
    private static final Set<String> LEGACY_E_NORMAL = Set.of("144031539110", "131001570151", "133011501118",
            "111001571071");
    private static final Map<String, InvoiceType> BY_LAST_TWO = Map.of("04", InvoiceType.NORMAL, "05",
            InvoiceType.NORMAL, "06", InvoiceType.ROLL, "07", InvoiceType.ROLL, "11", InvoiceType.E_NORMAL, "12",
            InvoiceType.TOLL, "13", InvoiceType.E_SPECIAL, "17", InvoiceType.USED_VEHICLE);

    private InvoiceCodes() {
    }

    static boolean wellFormed(String code) {
        return CODE_10.matcher(code).matches() || CODE_12.matcher(code).matches();
    }

    /** The type a well-formed code stands for, when its digits say it. */
    static Optional<InvoiceType> typeOf(String code) {
        if (code.length() == 10) {
            return switch (code.charAt(7)) {
                case '1', '5', '2', '7' -> Optional.of(InvoiceType.SPECIAL);
                case '3', '6' -> Optional.of(InvoiceType.NORMAL);
                default -> Optional.empty();
            };
        }
        if (LEGACY_E_NORMAL.contains(code)) {
            return Optional.of(InvoiceType.E_NORMAL);
        }
        if (code.charAt(0) != '0' && code.charAt(7) == '2') {
            return Optional.of(InvoiceType.VEHICLE);
        }
        return Optional.ofNullable(BY_LAST_TWO.get(code.substring(10)));
    }

    /** Region digits: 4 for a code (2 + "00" unless a 计划单列市), 2 for a 20-digit 数电 number. */
    static String regionOfCode(String code) {
        return code.length() == 10 ? code.substring(0, 4) : code.substring(1, 5);
    }

    static String regionOfDigitalNumber(String number) {
        return number.substring(2, 4);
    }

    static boolean beijing(String region) {
        return region.startsWith("11");
    }
}
