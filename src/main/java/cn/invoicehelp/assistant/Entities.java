package cn.invoicehelp.assistant;

import cn.invoicehelp.invoice.InvoiceField;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a user's message says about an invoice: the fields read (values as the lookup accepts them: amounts as plain
 * decimals "1234.56", dates as ISO "2024-12-20", the type as an invoice type name) and a fault-report tracking number.
 */
record Entities(Map<InvoiceField, String> fields, String trackingNumber) {

    static final Entities NONE = new Entities(Map.of(), null);

    Entities {
        fields = Collections.unmodifiableMap(new EnumMap<>(fields.isEmpty() ? new EnumMap<>(InvoiceField.class)
                : fields));
    }

    /** A copy of the fields that the caller may change. */
    Map<InvoiceField, String> invoiceFields() {
        return new LinkedHashMap<>(fields);
    }

    /** True when a printed field (not only a type word) was read. */
    boolean hasPrintedField() {
        return fields.keySet().stream().anyMatch(InvoiceField::printed);
    }

    String code() {
        return fields.get(InvoiceField.CODE);
    }

    String number() {
        return fields.get(InvoiceField.NUMBER);
    }

    LocalDate issueDate() {
        String date = fields.get(InvoiceField.ISSUE_DATE);
        return date == null ? null : LocalDate.parse(date);
    }

    String amount() {
        return fields.get(InvoiceField.AMOUNT);
    }

    String checkCode() {
        return fields.get(InvoiceField.CHECK_CODE);
    }

    String type() {
        return fields.get(InvoiceField.TYPE);
    }
}
