package cn.invoicehelp.invoice;

/** Raw user input: every field may carry spaces, full-width digits or a full 20-digit check code. */
public record VerificationRequest(String code, String number, String issueDate, String amount, String checkCode,
        String type) {
}
