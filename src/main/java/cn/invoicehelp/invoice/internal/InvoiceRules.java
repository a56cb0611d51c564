package cn.invoicehelp.invoice.internal;

import cn.invoicehelp.invoice.InvoiceType;
import cn.invoicehelp.invoice.VerificationResult.Problem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Format and required-field rules of the verification platform, per type: what must be given before a lookup is
 * made, with a zh-CN message per field. The type comes from the code or number digits when they say it.
 */
final class InvoiceRules {

    /** The outcome of the checks: the type (when known) and what is wrong or missing. */
    record Checked(Optional<InvoiceType> type, List<Problem> problems) {
    }

    private InvoiceRules() {
    }

    static Checked check(InvoiceInput in, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        Optional<InvoiceType> type = type(in, problems);
        number(in, problems);
        date(in, today, problems);
        type.ifPresent(t -> proof(t, in, problems));
        return new Checked(type, problems);
    }

    private static Optional<InvoiceType> type(InvoiceInput in, List<Problem> problems) {
        if (in.digitalNumber()) {
            if (!in.code().isEmpty()) {
                problems.add(new Problem("code", "CODE_NOT_EXPECTED", "20 位号码的数电发票没有发票代码,请清空发票代码后再查。"));
            }
            return Optional.of(in.givenType().filter(InvoiceTypes::digital).orElse(InvoiceType.DIGITAL_NORMAL));
        }
        if (in.code().isEmpty()) {
            problems.add(new Problem("code", "REQUIRED", "请输入发票代码(10 位或 12 位数字,在发票右上角)。"
                    + "数电发票没有代码,请输入 20 位发票号码。"));
            return in.givenType().filter(t -> !InvoiceTypes.digital(t));
        }
        if (!in.code().matches("\\d+") || !InvoiceCodes.wellFormed(in.code())) {
            problems.add(new Problem("code", "FORMAT", "发票代码有误:应为 10 位或 12 位数字,请对照发票右上角逐位核对。"));
            return Optional.empty();
        }
        Optional<InvoiceType> fromCode = InvoiceCodes.typeOf(in.code());
        if (fromCode.isPresent() && in.givenType().isPresent() && in.givenType().get() != fromCode.get()) {
            problems.add(new Problem("type", "TYPE_MISMATCH", "所选发票类型与发票代码不符:这个代码对应的是"
                    + fromCode.get().label() + ",请确认发票类型。"));
        }
        if (fromCode.isEmpty() && in.givenType().isEmpty()) {
            problems.add(new Problem("type", "REQUIRED", in.typeText().isEmpty() ? "无法从发票代码判断发票类型,请选择发票类型。"
                    : "无法识别发票类型“" + in.typeText() + "”,请选择专票、普票、电子发票等类型。"));
        }
        return fromCode.or(in::givenType);
    }

    private static void number(InvoiceInput in, List<Problem> problems) {
        if (in.number().isEmpty()) {
            problems.add(new Problem("number", "REQUIRED", "请输入发票号码(8 位;数电发票为 20 位)。"));
        } else if (!in.number().matches("\\d{8}|\\d{20}") || in.number().equals("00000000")) {
            problems.add(new Problem("number", "FORMAT", "发票号码有误:应为 8 位数字,数电发票为 20 位数字。"));
        }
    }

    private static void date(InvoiceInput in, LocalDate today, List<Problem> problems) {
        if (in.issueDateText().isEmpty()) {
            problems.add(new Problem("issueDate", "REQUIRED", "请输入开票日期,例如 20241220 或 2024-12-20。"));
        } else if (in.issueDate() == null) {
            problems.add(new Problem("issueDate", "FORMAT", "开票日期格式有误,请按 YYYYMMDD(如 20241220)或 YYYY-MM-DD 输入。"));
        } else if (in.issueDate().isAfter(today)) {
            problems.add(new Problem("issueDate", "FUTURE", "开票日期不能晚于今天,请对照发票上的开票日期重新输入。"));
        }
    }

    private static void proof(InvoiceType type, InvoiceInput in, List<Problem> problems) {
        switch (InvoiceTypes.proof(type)) {
            case AMOUNT_EXCL_TAX -> amount(in, problems, type.label() + "请输入" + InvoiceTypes.amountName(type)
                    + ",即发票上“金额”合计栏,不是价税合计。");
            case TOTAL -> amount(in, problems, type.label() + "请输入" + InvoiceTypes.amountName(type) + "。");
            case CHECK_CODE -> {
                if (in.checkCode().isEmpty()) {
                    problems.add(new Problem("checkCode", "REQUIRED", type.label() + "请输入校验码后 6 位(在发票右上角)。"));
                } else if (!in.checkCode().matches("\\d{6}")) {
                    problems.add(new Problem("checkCode", "FORMAT", "校验码有误:请输入校验码的后 6 位数字。"));
                }
            }
        }
    }

    private static void amount(InvoiceInput in, List<Problem> problems, String missing) {
        if (in.amountText().isEmpty()) {
            problems.add(new Problem("amount", "REQUIRED", missing));
        } else if (in.amount() == null) {
            problems.add(new Problem("amount", "FORMAT", "金额格式有误:请输入数字,最多两位小数,例如 1000.00。"));
        }
    }
}
