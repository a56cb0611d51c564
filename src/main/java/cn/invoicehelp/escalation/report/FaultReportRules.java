package cn.invoicehelp.escalation.report;

import cn.invoicehelp.escalation.FaultReportForm;
import cn.invoicehelp.escalation.FaultReportProblem;
import cn.invoicehelp.invoice.InvoiceType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules a fault report must pass before it is filed; each broken rule has its own zh-CN message. */
final class FaultReportRules {

    static final int MIN_DESCRIPTION = 5;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_INVOICES = 10;
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** Clocks of phones and PCs drift: a time this little ahead still counts as "now". */
    private static final Duration SKEW = Duration.ofMinutes(5);
    private static final Pattern INVOICE_NUMBER = Pattern.compile("\\d{8}|\\d{20}");

    /** "SPECIAL（专票）、NORMAL（普票）、…": the codes a report accepts, from the invoice module's own list. */
    private static final String INVOICE_TYPE_CHOICES = java.util.Arrays.stream(InvoiceType.values())
            .map(t -> t.name() + "（" + t.commonName() + "）").collect(java.util.stream.Collectors.joining("、"));

    static final String RESIDENT_ID = "请不要提交身份证号码等敏感个人信息：处理故障不需要它，请删除后再提交。";
    static final String BANK_CARD = "请不要提交银行卡号等敏感个人信息：处理故障不需要它，请删除后再提交。";

    /** A form that passed: values normalised for storage. */
    record Checked(List<String> invoiceNumbers, String invoiceType, Instant occurredAt, String description,
                   String phone, String email) {
    }

    private FaultReportRules() {
    }

    static List<FaultReportProblem> problems(FaultReportForm form, Clock clock) {
        List<FaultReportProblem> problems = new ArrayList<>();
        check(form, clock, problems);
        return problems;
    }

    /** The normalised form, or {@code null} with {@code problems} filled in. */
    static Checked check(FaultReportForm form, Clock clock, List<FaultReportProblem> problems) {
        int before = problems.size();
        List<String> numbers = invoiceNumbers(form.invoiceNumbers(), problems);
        String type = invoiceType(form.invoiceType(), problems);
        Instant occurred = occurredAt(form.occurredAt(), clock, problems);
        String description = description(form.description(), problems);
        String phone = null;
        String email = null;
        boolean phoneGiven = form.phone() != null && !form.phone().isBlank();
        boolean emailGiven = form.email() != null && !form.email().isBlank();
        if (phoneGiven && !sensitive("phone", form.phone(), problems)) {
            phone = Contacts.phone(form.phone());
            if (phone == null) {
                problems.add(new FaultReportProblem("phone",
                        "电话号码格式不正确：请填写 11 位手机号码，或带区号的固定电话（例如 010-12345678）。"));
            }
        }
        if (emailGiven && !sensitive("email", form.email(), problems)) {
            email = Contacts.email(form.email());
            if (email == null) {
                problems.add(new FaultReportProblem("email", "电子邮箱格式不正确，例如 name@example.com。"));
            }
        }
        if (!phoneGiven && !emailGiven) {
            problems.add(new FaultReportProblem("contact",
                    "请至少留下手机号码（phone）或电子邮箱（email）中的一项，用于通知处理结果。"));
        }
        return problems.size() > before ? null : new Checked(numbers, type, occurred, description, phone, email);
    }

    private static List<String> invoiceNumbers(List<String> given, List<FaultReportProblem> problems) {
        if (given == null || given.isEmpty()) {
            return List.of();
        }
        if (given.size() > MAX_INVOICES) {
            problems.add(new FaultReportProblem("invoiceNumbers", "发票号码最多填写 " + MAX_INVOICES + " 个。"));
            return List.of();
        }
        Set<String> numbers = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String field = "invoiceNumbers[" + i + "]";
            String raw = given.get(i) == null ? "" : given.get(i).strip();
            if (raw.isEmpty()) {
                problems.add(new FaultReportProblem(field, "第 " + (i + 1) + " 个发票号码是空的，请填写或删除。"));
                continue;
            }
            if (sensitive(field, raw, problems)) {
                continue;
            }
            String digits = raw.replaceAll("[\\s\\-]", "");
            if (!INVOICE_NUMBER.matcher(digits).matches()) {
                problems.add(new FaultReportProblem(field, "第 " + (i + 1)
                        + " 个发票号码格式不正确：应为 8 位数字（纸质发票）或 20 位数字（数电票）。"));
                continue;
            }
            numbers.add(digits);
        }
        return List.copyOf(numbers);
    }

    private static String invoiceType(String given, List<FaultReportProblem> problems) {
        if (given == null || given.isBlank()) {
            return null;
        }
        Optional<InvoiceType> type = InvoiceType.ofCode(given);
        if (type.isEmpty()) {
            problems.add(new FaultReportProblem("invoiceType", "发票类型不正确，可填：" + INVOICE_TYPE_CHOICES
                    + "，不确定可以不填。"));
            return null;
        }
        return type.get().name();
    }

    private static Instant occurredAt(String given, Clock clock, List<FaultReportProblem> problems) {
        if (given == null || given.isBlank()) {
            problems.add(new FaultReportProblem("occurredAt", "请填写故障发生时间，例如 2025-03-10T09:30:00+08:00。"));
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(given.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                at = LocalDateTime.parse(given.strip()).atZone(BEIJING).toInstant();
            } catch (DateTimeParseException e2) {
                problems.add(new FaultReportProblem("occurredAt",
                        "故障发生时间格式不正确：请用日期加时间，例如 2025-03-10T09:30:00+08:00（不带时区时按北京时间）。"));
                return null;
            }
        }
        if (at.isAfter(clock.instant().plus(SKEW))) {
            problems.add(new FaultReportProblem("occurredAt", "故障发生时间不能晚于现在，请检查日期和时间。"));
            return null;
        }
        return at;
    }

    private static String description(String given, List<FaultReportProblem> problems) {
        if (given == null || given.isBlank()) {
            problems.add(new FaultReportProblem("description", "请描述故障：做了什么操作、看到了什么提示。"));
            return null;
        }
        String text = given.strip();
        int length = text.codePointCount(0, text.length());
        if (length < MIN_DESCRIPTION) {
            problems.add(new FaultReportProblem("description",
                    "故障描述太短：请至少写 " + MIN_DESCRIPTION + " 个字，说明做了什么操作、看到了什么提示。"));
            return null;
        }
        if (length > MAX_DESCRIPTION) {
            problems.add(new FaultReportProblem("description",
                    "故障描述太长：最多 " + MAX_DESCRIPTION + " 个字（现在是 " + length + " 个字）。"));
            return null;
        }
        return sensitive("description", text, problems) ? null : text;
    }

    /** Adds the refusal when {@code text} holds a resident ID or bank card number. */
    private static boolean sensitive(String field, String text, List<FaultReportProblem> problems) {
        return SensitiveNumbers.find(text).map(kind -> problems.add(new FaultReportProblem(field,
                kind == SensitiveNumbers.Kind.RESIDENT_ID ? RESIDENT_ID : BANK_CARD))).orElse(false);
    }
}
