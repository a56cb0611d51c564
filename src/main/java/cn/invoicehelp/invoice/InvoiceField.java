package cn.invoicehelp.invoice;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Arrays;
import java.util.Optional;

/**
 * The fields of a verification request. {@link #key()} is the request's JSON name (and the {@code field} of a
 * {@link VerificationResult.Problem}); other modules name fields with this type instead of repeating the strings.
 */
public enum InvoiceField {
    @JsonProperty("code") CODE("code", "发票代码"),
    @JsonProperty("number") NUMBER("number", "发票号码"),
    @JsonProperty("issueDate") ISSUE_DATE("issueDate", "开票日期"),
    @JsonProperty("amount") AMOUNT("amount", "金额"),
    @JsonProperty("checkCode") CHECK_CODE("checkCode", "校验码"),
    @JsonProperty("type") TYPE("type", "发票类型");

    private final String key;
    private final String label;

    InvoiceField(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    /** The zh-CN name printed on the invoice. */
    public String label() {
        return label;
    }

    /** Everything but the type is printed on the invoice and typed by the user. */
    public boolean printed() {
        return this != TYPE;
    }

    public static Optional<InvoiceField> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    @Override
    public String toString() {
        return key;
    }
}
