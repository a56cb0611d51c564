package cn.invoicehelp.invoice.internal;

import cn.invoicehelp.invoice.InvoiceType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** One validated CSV row of the import; {@link #parse} explains in zh-CN what is wrong with a bad one. */
record ImportRow(String code, String number, InvoiceType type, LocalDate issueDate, BigDecimal amountExclTax,
        BigDecimal tax, BigDecimal total, String checkCode, String sellerName, String sellerTaxId, String buyerName,
        String buyerTaxId, InvoiceStatus status, OffsetDateTime enteredAt) {

    static final String HEADER = "code,number,type,issue_date,amount_excl_tax,tax,total,check_code,seller_name,"
            + "seller_tax_id,buyer_name,buyer_tax_id,status,entered_at";
    static final int COLUMNS = 14;
    private static final BigDecimal TOLERANCE = new BigDecimal("0.01");
    // Compiled once: String.matches compiles its pattern on every call (half the cost of checking a row).
    private static final Pattern NUMBER = Pattern.compile("\\d{8}|\\d{20}");
    private static final Pattern CHECK_CODE = Pattern.compile("\\d{20}");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,13}(\\.\\d{1,2})?");
    private static final Pattern TAX_ID = Pattern.compile("[0-9A-Z]{15,20}");

    /** A row that cannot be imported, with the reason. */
    static class Rejected extends Exception {
        Rejected(String reason) {
            super(reason, null, false, false);
        }
    }

    static ImportRow parse(List<String> f) throws Rejected {
        if (f.size() != COLUMNS) {
            throw new Rejected("列数应为 " + COLUMNS + ",实际为 " + f.size() + "(含逗号的字段请用双引号括起来)");
        }
        String code = f.get(0).strip();
        String number = f.get(1).strip();
        InvoiceType type = enumValue(InvoiceType.class, f.get(2), "type");
        if (!NUMBER.matcher(number).matches()) {
            throw new Rejected("number 应为 8 位或 20 位数字");
        }
        if (InvoiceTypes.digital(type) != number.length() > 8) {
            throw new Rejected(InvoiceTypes.digital(type) ? "数电发票的 number 应为 20 位" : "非数电发票的 number 应为 8 位");
        }
        if (InvoiceTypes.digital(type) ? !code.isEmpty() : !InvoiceCodes.wellFormed(code)) {
            throw new Rejected(InvoiceTypes.digital(type) ? "数电发票的 code 应为空" : "code 应为 10 位或 12 位有效的发票代码");
        }
        String check = f.get(7).strip();
        if (!check.isEmpty() && !CHECK_CODE.matcher(check).matches()) {
            throw new Rejected("check_code 应为空或 20 位数字");
        }
        if (check.isEmpty() && InvoiceTypes.proof(type) == InvoiceTypes.Proof.CHECK_CODE) {
            throw new Rejected(type.name() + " 类型的发票必须有 check_code");
        }
        BigDecimal amount = amount(f.get(4), "amount_excl_tax");
        BigDecimal tax = amount(f.get(5), "tax");
        BigDecimal total = amount(f.get(6), "total");
        if (total.subtract(amount.add(tax)).abs().compareTo(TOLERANCE) > 0) {
            throw new Rejected("total 应等于 amount_excl_tax + tax(允许 0.01 的误差):" + amount.toPlainString() + " + "
                    + tax.toPlainString() + " ≠ " + total.toPlainString());
        }
        return new ImportRow(code, number, type, date(f.get(3)), amount, tax, total, check.isEmpty() ? null : check,
                text(f.get(8), "seller_name", 200), taxId(f.get(9), "seller_tax_id"), text(f.get(10), "buyer_name", 200),
                taxId(f.get(11), "buyer_tax_id"), enumValue(InvoiceStatus.class, f.get(12), "status"),
                enteredAt(f.get(13)));
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String column) throws Rejected {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new Rejected(column + " 的值“" + value.strip() + "”无效");
        }
    }

    private static LocalDate date(String value) throws Rejected {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new Rejected("issue_date 应为 YYYY-MM-DD 格式的有效日期");
        }
    }

    private static BigDecimal amount(String value, String column) throws Rejected {
        String plain = value.strip();
        if (plain.startsWith("-") && AMOUNT.matcher(plain.substring(1)).matches()) {
            throw new Rejected(column + " 不能为负数(红字冲销请把原发票的 status 设为 RED_REVERSED)");
        }
        if (!AMOUNT.matcher(plain).matches()) {
            throw new Rejected(column + " 应为最多两位小数的金额");
        }
        return new BigDecimal(plain);
    }

    private static String text(String value, String column, int max) throws Rejected {
        String plain = value.strip();
        if (plain.isEmpty() || plain.length() > max) {
            throw new Rejected(column + " 不能为空且不超过 " + max + " 个字符");
        }
        return plain;
    }

    private static String taxId(String value, String column) throws Rejected {
        String plain = value.strip().toUpperCase(java.util.Locale.ROOT);
        if (!TAX_ID.matcher(plain).matches()) {
            throw new Rejected(column + " 应为 15 到 20 位数字或大写字母");
        }
        return plain;
    }

    private static OffsetDateTime enteredAt(String value) throws Rejected {
        String plain = value.strip();
        try {
            return OffsetDateTime.parse(plain);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(plain).atZone(InvoiceClock.BEIJING).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                throw new Rejected("entered_at 应为 ISO 日期时间,例如 2024-12-20T10:15:00 或 2024-12-20T10:15:00+08:00");
            }
        }
    }

    String key() {
        return code + "/" + number;
    }

    /** Same content, whatever the formatting of amounts and times. */
    boolean sameAs(ImportRow o) {
        return type == o.type && issueDate.equals(o.issueDate) && amountExclTax.compareTo(o.amountExclTax) == 0
                && tax.compareTo(o.tax) == 0 && total.compareTo(o.total) == 0 && Objects.equals(checkCode, o.checkCode)
                && sellerName.equals(o.sellerName) && sellerTaxId.equals(o.sellerTaxId) && buyerName.equals(o.buyerName)
                && buyerTaxId.equals(o.buyerTaxId) && status == o.status && enteredAt.isEqual(o.enteredAt);
    }
}
