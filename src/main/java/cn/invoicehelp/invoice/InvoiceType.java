package cn.invoicehelp.invoice;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Invoice types of the directory and the names users call them. Public as a type only (its code, full name and common
 * name): other modules validate and show invoice types with it; what the platform asks for each type and the other
 * words for it belong to the lookup ({@code internal.InvoiceTypes}).
 */
public enum InvoiceType {

    SPECIAL("增值税专用发票", "专票"),
    NORMAL("增值税普通发票", "普票"),
    E_NORMAL("增值税电子普通发票", "电子普票"),
    E_SPECIAL("增值税电子专用发票", "电子专票"),
    ROLL("增值税普通发票(卷式)", "卷票"),
    TOLL("通行费电子普通发票", "通行费"),
    VEHICLE("机动车销售统一发票", "机动车"),
    USED_VEHICLE("二手车销售统一发票", "二手车"),
    DIGITAL_SPECIAL("电子发票(增值税专用发票)(数电)", "数电专票"),
    DIGITAL_NORMAL("电子发票(普通发票)(数电)", "数电票");

    private final String label;
    private final String commonName;

    InvoiceType(String label, String commonName) {
        this.label = label;
        this.commonName = commonName;
    }

    /** The full name, e.g. 增值税专用发票. */
    public String label() {
        return label;
    }

    /** The name most people use, e.g. 专票. */
    public String commonName() {
        return commonName;
    }

    /** The type with this code (enum name, any case), if there is one. */
    public static Optional<InvoiceType> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.name().equals(wanted)).findFirst();
    }
}
