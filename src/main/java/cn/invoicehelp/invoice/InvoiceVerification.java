package cn.invoicehelp.invoice;

import java.util.List;

/** The invoice lookup other modules (the chat assistant) call; same semantics as POST /api/invoices/verify. */
public interface InvoiceVerification {

    /**
     * Checks format, region, window and limits, then looks the invoice up and explains the outcome in zh-CN. Every
     * call counts against {@code client}'s lookups per minute (REST and chat alike).
     *
     * @throws LookupsTooFrequent when the client has used up its lookups for the minute
     */
    VerificationResult verify(VerificationRequest request, ClientKey client);

    /**
     * Printed fields still needed before {@link #verify} can give more than INVALID, judged from the type (given or
     * inferred from the code/number digits), in the order the invoice prints them.
     */
    List<InvoiceField> missingFields(VerificationRequest request);
}
