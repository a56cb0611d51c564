package cn.invoicehelp.invoice.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** The invoice as shown to someone who proved they hold it: names and amounts, tax ids partly hidden. */
final class Masking {

    private Masking() {
    }

    static Map<String, Object> view(Invoice invoice) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", invoice.type().name());
        view.put("typeLabel", invoice.type().label());
        if (!invoice.code().isEmpty()) {
            view.put("code", invoice.code());
        }
        view.put("number", invoice.number());
        view.put("issueDate", invoice.issueDate().toString());
        view.put("amountExclTax", invoice.amountExclTax().toPlainString());
        view.put("tax", invoice.tax().toPlainString());
        view.put("total", invoice.total().toPlainString());
        view.put("sellerName", invoice.sellerName());
        view.put("sellerTaxId", taxId(invoice.sellerTaxId()));
        view.put("buyerName", invoice.buyerName());
        view.put("buyerTaxId", taxId(invoice.buyerTaxId()));
        view.put("status", invoice.status().label());
        return view;
    }

    /** Keeps the first four and last four characters: enough to recognise, not enough to reuse. */
    static String taxId(String id) {
        if (id == null || id.length() <= 8) {
            return "*".repeat(id == null ? 0 : id.length());
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }
}
