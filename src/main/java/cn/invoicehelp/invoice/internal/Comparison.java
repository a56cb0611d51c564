package cn.invoicehelp.invoice.internal;

import cn.invoicehelp.invoice.InvoiceType;
import cn.invoicehelp.invoice.VerificationResult.Problem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Which of the given fields differ from the stored invoice, explained by the usual mistake, never by the value. */
final class Comparison {

    private Comparison() {
    }

    static List<Problem> differences(Invoice invoice, InvoiceInput in) {
        List<Problem> problems = new ArrayList<>();
        if (!invoice.issueDate().equals(in.issueDate())) {
            problems.add(new Problem("issueDate", "DATE_MISMATCH", "开票日期与记录不一致。请按发票上印的开票日期输入"
                    + "(8 位数字,如 20241220),不要填收到发票或报销的日期。"));
        }
        if (in.amount() != null) {
            amount(invoice, in.amount(), problems);
        }
        if (!in.checkCode().isEmpty() && (invoice.checkCode() == null
                || !invoice.checkCode().endsWith(in.checkCode()))) {
            problems.add(new Problem("checkCode", "CHECK_CODE_MISMATCH", "校验码与记录不一致。请核对发票右上角"
                    + "“校验码”的最后 6 位(不是密码区或验证码)。"));
        }
        return problems;
    }

    private static void amount(Invoice invoice, BigDecimal given, List<Problem> problems) {
        InvoiceType type = invoice.type();
        boolean matches = switch (InvoiceTypes.proof(type)) {
            case AMOUNT_EXCL_TAX -> same(given, invoice.amountExclTax());
            case TOTAL -> same(given, invoice.total());
            case CHECK_CODE -> same(given, invoice.amountExclTax()) || same(given, invoice.total());
        };
        if (matches) {
            return;
        }
        String hint;
        if (InvoiceTypes.proof(type) == InvoiceTypes.Proof.AMOUNT_EXCL_TAX && same(given, invoice.total())) {
            hint = "您填写的似乎是价税合计(含税)。" + type.label() + "请填写" + InvoiceTypes.amountName(type) + "。";
        } else if (InvoiceTypes.proof(type) == InvoiceTypes.Proof.TOTAL && same(given, invoice.amountExclTax())) {
            hint = "您填写的似乎是不含税金额。" + type.label() + "请填写" + InvoiceTypes.amountName(type) + "。";
        } else {
            hint = type.label() + "请填写" + InvoiceTypes.amountName(type) + ",注意含税与不含税的区别,以及小数点位置。";
        }
        problems.add(new Problem("amount", "AMOUNT_MISMATCH", "金额与记录不一致。" + hint));
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return b != null && a.compareTo(b) == 0;
    }
}
