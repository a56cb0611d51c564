package cn.invoicehelp.assistant;

import cn.invoicehelp.invoice.ClientKey;
import cn.invoicehelp.invoice.InvoiceField;
import cn.invoicehelp.invoice.InvoiceVerification;
import cn.invoicehelp.invoice.VerificationRequest;
import cn.invoicehelp.invoice.VerificationResult;
import cn.invoicehelp.invoice.VerificationResult.Outcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Stand-in for the invoice engine: field rules by type as on the official page, outcomes chosen per number. */
class FakeInvoices implements InvoiceVerification {

    final List<VerificationRequest> verified = new ArrayList<>();
    final List<ClientKey> clients = new ArrayList<>();
    final Map<String, Outcome> outcomeByNumber = new HashMap<>();
    final Map<String, List<VerificationResult.Problem>> problemsByNumber = new HashMap<>();

    @Override
    public VerificationResult verify(VerificationRequest request, ClientKey client) {
        verified.add(request);
        clients.add(client);
        Outcome outcome = outcomeByNumber.getOrDefault(request.number(), Outcome.NOT_FOUND);
        return new VerificationResult(outcome, outcome == Outcome.FOUND ? "正常" : null,
                problemsByNumber.getOrDefault(request.number(), List.of()), "查验结果：" + outcome,
                List.of("下一步建议"), Map.of());
    }

    @Override
    public List<InvoiceField> missingFields(VerificationRequest r) {
        List<InvoiceField> missing = new ArrayList<>();
        String type = r.type();
        boolean digital = (type != null && type.startsWith("DIGITAL")) || (r.number() != null && r.number().length() == 20);
        if (!digital && r.code() == null) missing.add(InvoiceField.CODE);
        if (r.number() == null) missing.add(InvoiceField.NUMBER);
        if (r.issueDate() == null) missing.add(InvoiceField.ISSUE_DATE);
        boolean amount = digital || "SPECIAL".equals(type) || "E_SPECIAL".equals(type)
                || (type == null && r.code() != null && r.code().length() == 10 && "15".indexOf(r.code().charAt(7)) >= 0);
        if (amount && r.amount() == null) missing.add(InvoiceField.AMOUNT);
        if (!amount && r.checkCode() == null) missing.add(InvoiceField.CHECK_CODE);
        return missing;
    }
}
