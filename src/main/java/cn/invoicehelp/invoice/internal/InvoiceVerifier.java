package cn.invoicehelp.invoice.internal;

import cn.invoicehelp.invoice.ClientKey;
import cn.invoicehelp.invoice.InvoiceField;
import cn.invoicehelp.invoice.InvoiceType;
import cn.invoicehelp.invoice.InvoiceVerification;
import cn.invoicehelp.invoice.VerificationRequest;
import cn.invoicehelp.invoice.VerificationResult.Outcome;
import cn.invoicehelp.invoice.VerificationResult.Problem;
import cn.invoicehelp.invoice.VerificationResult;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lookup, in the order the national platform applies its rules: input format and required fields, region,
 * time window, the client's budgets, then the directory itself; the daily limit per invoice applies to matches.
 */
@Service
class InvoiceVerifier implements InvoiceVerification {

    private final InvoiceDirectory invoices;
    private final LookupCounter counter;
    private final InvoiceProperties properties;
    private final Clock clock;
    private final LookupLimits limits;

    InvoiceVerifier(InvoiceDirectory invoices, LookupCounter counter, InvoiceProperties properties, Clock clock,
            LookupLimits limits) {
        this.limits = limits;
        this.invoices = invoices;
        this.counter = counter;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * No transaction around the whole lookup: the counter commits on its own, the read needs none. Only a lookup
     * that matches counts against the invoice's daily limit; one that does not counts against this client's tries
     * for this invoice, so nobody can use up an invoice's lookups without knowing the invoice.
     */
    @Override
    public VerificationResult verify(VerificationRequest request, ClientKey client) {
        limits.acquire(client);
        LocalDate today = LocalDate.now(clock.withZone(InvoiceClock.BEIJING));
        InvoiceInput in = InvoiceInput.of(request);
        InvoiceRules.Checked checked = InvoiceRules.check(in, today);
        if (!checked.problems().isEmpty() || checked.type().isEmpty()) {
            return Explanations.invalid(checked.problems());
        }
        InvoiceType type = checked.type().get();
        String region = in.digitalNumber() ? InvoiceCodes.regionOfDigitalNumber(in.number())
                : InvoiceCodes.regionOfCode(in.code());
        if (!InvoiceCodes.beijing(region)) {
            return Explanations.otherRegion(region, Regions.name(region));
        }
        if (in.issueDate().isBefore(today.minusYears(properties.windowYears()))) {
            return Explanations.outOfWindow(properties.windowYears());
        }
        if (!limits.mayTry(client, in.code(), in.number())) {
            return Explanations.clientTriesExceeded(properties.clientFailuresPerInvoice());
        }
        Optional<Invoice> found = invoices.find(in.code(), in.number());
        if (found.isEmpty()) {
            limits.failed(client, in.code(), in.number());
            return in.issueDate().equals(today) ? Explanations.tooEarly() : Explanations.notFound(type);
        }
        List<Problem> differences = Comparison.differences(found.get(), in);
        if (!differences.isEmpty()) {
            limits.failed(client, in.code(), in.number());
            return Explanations.mismatch(differences);
        }
        if (counter.increment(in.code(), in.number(), today) > properties.dailyLookups()) {
            return Explanations.limitExceeded(properties.dailyLookups());
        }
        return Explanations.found(found.get());
    }

    @Override
    public List<InvoiceField> missingFields(VerificationRequest request) {
        InvoiceInput in = InvoiceInput.of(request);
        List<InvoiceField> missing = new ArrayList<>();
        InvoiceRules.check(in, LocalDate.now(clock.withZone(InvoiceClock.BEIJING))).problems().stream()
                .map(Problem::invoiceField)
                .flatMap(java.util.Optional::stream)
                .filter(InvoiceField::printed)
                .distinct()
                .forEach(missing::add);
        return missing;
    }
}
