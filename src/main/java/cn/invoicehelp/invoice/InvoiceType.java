package cn.invoicehelp.invoice;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Invoice types of the directory, what the verification platform asks for each, and the words users call them.
 * Public as a type only (its code, full name and common name): other modules validate and show invoice types with it.
 */
public enum InvoiceType {

    SPECIAL("增值税专用发票", Proof.AMOUNT_EXCL_TAX, "专票", "专用发票", "纸质专票", "增值税专票"),
    NORMAL("增值税普通发票", Proof.CHECK_CODE, "普票", "普通发票", "纸质普票", "增值税普票"),
    E_NORMAL("增值税电子普通发票", Proof.CHECK_CODE, "电子普票", "电子普通发票", "电普"),
    E_SPECIAL("增值税电子专用发票", Proof.AMOUNT_EXCL_TAX, "电子专票", "电子专用发票", "电专"),
    ROLL("增值税普通发票(卷式)", Proof.CHECK_CODE, "卷票", "卷式发票"),
    TOLL("通行费电子普通发票", Proof.CHECK_CODE, "通行费", "通行费发票", "过路费"),
    VEHICLE("机动车销售统一发票", Proof.AMOUNT_EXCL_TAX, "机动车", "机动车发票", "购车发票"),
    USED_VEHICLE("二手车销售统一发票", Proof.TOTAL, "二手车", "二手车发票"),
    DIGITAL_SPECIAL("电子发票(增值税专用发票)(数电)", Proof.TOTAL, "数电专票", "全电专票", "数电专用发票"),
    DIGITAL_NORMAL("电子发票(普通发票)(数电)", Proof.TOTAL, "数电票", "数电普票", "全电发票", "全电票", "数电发票", "全电普票",
            "数电", "全电");

    /** The fourth field the platform asks for besides code, number and date. */
    enum Proof { AMOUNT_EXCL_TAX, CHECK_CODE, TOTAL }

    private final String label;
    private final Proof proof;
    private final List<String> words;

    InvoiceType(String label, Proof proof, String... words) {
        this.label = label;
        this.proof = proof;
        this.words = List.of(words);
    }

    /** The full name, e.g. 增值税专用发票. */
    public String label() {
        return label;
    }

    /** The name most people use, e.g. 专票. */
    public String commonName() {
        return words.get(0);
    }

    /** The type with this code (enum name, any case), if there is one. */
    public static Optional<InvoiceType> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.name().equals(wanted)).findFirst();
    }

    Proof proof() {
        return proof;
    }

    boolean digital() {
        return this == DIGITAL_SPECIAL || this == DIGITAL_NORMAL;
    }

    /** The name of the amount the platform asks for, as printed on this type of invoice. */
    String amountName() {
        return switch (this) {
            case USED_VEHICLE -> "车价合计";
            case VEHICLE -> "不含税价";
            default -> digital() ? "价税合计(含税)" : "开具金额(不含税)";
        };
    }

    /** An enum name or a word users write (专票, 电子普票, 全电 …); the longest matching word wins. */
    static Optional<InvoiceType> parse(String input) {
        if (input == null || input.isBlank()) {
            return Optional.empty();
        }
        String text = input.strip();
        for (InvoiceType type : values()) {
            if (type.name().equalsIgnoreCase(text) || type.label.equals(text)) {
                return Optional.of(type);
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .flatMap(type -> type.words.stream().filter(lower::contains).map(word -> new Object[] {type, word}))
                .max((a, b) -> ((String) a[1]).length() - ((String) b[1]).length())
                .map(pair -> (InvoiceType) pair[0]);
    }
}
