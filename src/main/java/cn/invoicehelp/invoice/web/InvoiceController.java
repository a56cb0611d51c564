package cn.invoicehelp.invoice.web;

import cn.invoicehelp.invoice.ClientKey;
import cn.invoicehelp.invoice.InvoiceVerification;
import cn.invoicehelp.invoice.VerificationRequest;
import cn.invoicehelp.invoice.VerificationResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "发票查验", description = "在北京发票系统中查找一张发票, 并说明查不到的原因")
@RestController
class InvoiceController {

    private final InvoiceVerification verification;

    InvoiceController(InvoiceVerification verification) {
        this.verification = verification;
    }

    /** Amounts and codes may arrive as JSON numbers or strings; both are read as text. */
    record VerifyBody(Object code, Object number, Object issueDate, Object amount, Object checkCode, Object type) {

        VerificationRequest toRequest() {
            return new VerificationRequest(text(code), text(number), text(issueDate), text(amount), text(checkCode),
                    text(type));
        }

        /** A JSON number keeps its digits (no exponent); one no decimal can hold (1e400) stays as text and is INVALID. */
        private static String text(Object value) {
            if (value instanceof Number number) {
                try {
                    return new java.math.BigDecimal(number.toString()).toPlainString();
                } catch (NumberFormatException notFinite) {
                    return number.toString();
                }
            }
            return value == null ? null : value.toString();
        }
    }

    @Operation(summary = "查验发票: result 为 INVALID / OTHER_REGION / OUT_OF_WINDOW / TOO_EARLY / NOT_FOUND / MISMATCH / FOUND / LIMIT_EXCEEDED")
    @PostMapping("/api/invoices/verify")
    VerificationResult verify(@RequestBody VerifyBody body, HttpServletRequest request) {
        return verification.verify(body.toRequest(), new ClientKey(request.getRemoteAddr()));
    }
}
