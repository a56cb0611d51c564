package cn.invoicehelp.invoice.internal;

import cn.invoicehelp.invoice.InvoiceType;
import cn.invoicehelp.invoice.VerificationRequest;
import cn.invoicehelp.text.TextNormalizer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * A verification request cleaned of what people type around the digits: full-width characters, spaces and dashes,
 * a full 20-digit check code where only the last six count, "¥1,234.56" or "1234.56元".
 */
record InvoiceInput(String code, String number, String issueDateText, LocalDate issueDate, String amountText,
        BigDecimal amount, String checkCode, String typeText, Optional<InvoiceType> givenType) {

    private static final DateTimeFormatter DASHED = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    static InvoiceInput of(VerificationRequest request) {
        String date = clean(request.issueDate());
        String amount = clean(request.amount());
        String check = digits(request.checkCode());
        if (check.length() == 20) {
            check = check.substring(14);
        }
        return new InvoiceInput(digits(request.code()), digits(request.number()), date, parseDate(date), amount,
                parseAmount(amount), check, clean(request.type()), InvoiceTypes.parse(clean(request.type())));
    }

    /** NFKC turns full-width digits and letters into ASCII; blanks and separators people type between digits go. */
    private static String clean(String value) {
        return value == null ? "" : TextNormalizer.normalize(value).strip();
    }

    private static String digits(String value) {
        return clean(value).replaceAll("[\\s\\-_]", "");
    }

    private static LocalDate parseDate(String text) {
        String compact = text.replaceAll("\\s", "").replace('/', '-').replace('.', '-');
        try {
            return compact.matches("\\d{8}") ? LocalDate.parse(compact, COMPACT)
                    : compact.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(compact, DASHED) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static BigDecimal parseAmount(String text) {
        String plain = text.replaceAll("[\\s,¥￥元]|RMB|CNY", "");
        if (!plain.matches("-?\\d{1,11}(\\.\\d{1,2})?")) {
            return null;
        }
        return new BigDecimal(plain);
    }

    boolean digitalNumber() {
        return number.length() == 20;
    }
}
