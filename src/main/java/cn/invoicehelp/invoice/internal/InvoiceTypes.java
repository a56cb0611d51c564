package cn.invoicehelp.invoice.internal;

import cn.invoicehelp.invoice.InvoiceType;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the verification platform asks for each {@link InvoiceType} and the other words users call it. Kept here, not
 * on the public enum, because only the lookup and the import read it; the switches fail to compile when a type is
 * added without its row.
 */
final class InvoiceTypes {

    /** The fourth field the platform asks for besides code, number and date. */
    enum Proof { AMOUNT_EXCL_TAX, CHECK_CODE, TOTAL }

    private InvoiceTypes() {
    }

    static Proof proof(InvoiceType type) {
        return switch (type) {
            case SPECIAL, E_SPECIAL, VEHICLE -> Proof.AMOUNT_EXCL_TAX;
            case NORMAL, E_NORMAL, ROLL, TOLL -> Proof.CHECK_CODE;
            case USED_VEHICLE, DIGITAL_SPECIAL, DIGITAL_NORMAL -> Proof.TOTAL;
        };
    }

    static boolean digital(InvoiceType type) {
        return type == InvoiceType.DIGITAL_SPECIAL || type == InvoiceType.DIGITAL_NORMAL;
    }

    /** The name of the amount the platform asks for, as printed on this type of invoice. */
    static String amountName(InvoiceType type) {
        return switch (type) {
            case USED_VEHICLE -> "车价合计";
            case VEHICLE -> "不含税价";
            default -> digital(type) ? "价税合计(含税)" : "开具金额(不含税)";
        };
    }

    /** Words users write for the type besides its {@link InvoiceType#commonName() common name}. */
    private static List<String> otherWords(InvoiceType type) {
        return switch (type) {
            case SPECIAL -> List.of("专用发票", "纸质专票", "增值税专票");
            case NORMAL -> List.of("普通发票", "纸质普票", "增值税普票");
            case E_NORMAL -> List.of("电子普通发票", "电普");
            case E_SPECIAL -> List.of("电子专用发票", "电专");
            case ROLL -> List.of("卷式发票");
            case TOLL -> List.of("通行费发票", "过路费");
            case VEHICLE -> List.of("机动车发票", "购车发票");
            case USED_VEHICLE -> List.of("二手车发票");
            case DIGITAL_SPECIAL -> List.of("全电专票", "数电专用发票");
            case DIGITAL_NORMAL -> List.of("数电普票", "全电发票", "全电票", "数电发票", "全电普票", "数电", "全电");
        };
    }

    /** An enum name or a word users write (专票, 电子普票, 全电 …); the longest matching word wins. */
    static Optional<InvoiceType> parse(String input) {
        if (input == null || input.isBlank()) {
            return Optional.empty();
        }
        String text = input.strip();
        for (InvoiceType type : InvoiceType.values()) {
            if (type.name().equalsIgnoreCase(text) || type.label().equals(text)) {
                return Optional.of(type);
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return Arrays.stream(InvoiceType.values())
                .flatMap(type -> Stream.concat(Stream.of(type.commonName()), otherWords(type).stream())
                        .filter(lower::contains).map(word -> new Object[] {type, word}))
                .max((a, b) -> ((String) a[1]).length() - ((String) b[1]).length())
                .map(pair -> (InvoiceType) pair[0]);
    }
}
