package cn.invoicehelp.assistant;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a user's message says about an invoice; every field may be null. Amounts are plain decimals ("1234.56"). */
record Entities(String code, String number, LocalDate issueDate, String amount, String checkCode, String type,
        String trackingNumber) {

    static final Entities NONE = new Entities(null, null, null, null, null, null, null);

    /** Non-null invoice fields under the names of the verification request (code, number, issueDate, ...). */
    Map<String, String> invoiceFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "code", code);
        put(fields, "number", number);
        put(fields, "issueDate", issueDate == null ? null : issueDate.toString());
        put(fields, "amount", amount);
        put(fields, "checkCode", checkCode);
        put(fields, "type", type);
        return fields;
    }

    boolean hasInvoiceData() {
        return !invoiceFields().isEmpty();
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
