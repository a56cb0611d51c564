package cn.invoicehelp.assistant;

import cn.invoicehelp.invoice.InvoiceField;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pulls invoice fields out of free text. Labels the user wrote (代码/号码/日期/金额/校验码, or code/number/date/amount)
 * win; unlabelled values are read by shape in the order an invoice prints them (code, number, date, then amount or
 * check code), and the field the assistant is waiting for counts as an implicit label.
 */
final class EntityExtractor {

    /** Fault-report tracking number: BJ + yymmdd + 9 base32 characters (see escalation.TrackingNumbers). */
    static final Pattern TRACKING_NUMBER = Pattern.compile("(?i)(?<![0-9A-Z])BJ(?:[ \\-]?[0-9A-Z]){15}(?![0-9A-Z])");

    private static final Map<String, InvoiceField> LABELS = new LinkedHashMap<>();
    static {
        // Longest first, so that 发票代码 is one label and not 代码 preceded by noise.
        label(InvoiceField.CODE, "发票代码", "invoice code", "代码", "code");
        label(InvoiceField.NUMBER, "数电票号码", "发票号码", "invoice number", "invoice no", "号码", "票号", "number",
                "no.");
        label(InvoiceField.ISSUE_DATE, "开票日期", "开具日期", "开票时间", "issue date", "开票于", "日期", "date");
        label(InvoiceField.AMOUNT, "价税合计", "不含税金额", "开具金额", "含税金额", "车价合计", "不含税价", "金额", "合计",
                "amount", "total");
        label(InvoiceField.CHECK_CODE, "校验码后六位", "校验码后6位", "校验码", "check code", "checkcode");
    }
    private static final Pattern LABEL = Pattern.compile("(?i)" + String.join("|", LABELS.keySet().stream()
            .sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).toList()));
    private static final Pattern DATE_FULL = Pattern.compile(
            "(?<![\\d.])(\\d{4}|\\d{2})\\s*([-/.年])\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})(?![\\d.])\\s*[日号]?");
    private static final Pattern DATE_MONTH_DAY =
            Pattern.compile("(?<![\\d.])(\\d{1,2})\\s*月\\s*(\\d{1,2})(?:\\s*[日号]|(?![\\d.]))");
    private static final Pattern DATE_RELATIVE = Pattern.compile("(?:前天|昨天|昨日|今天|今日)(?:开)?");
    private static final Pattern MONEY = Pattern.compile("(?i)(?:¥|rmb|cny)\\s*(-?\\d+(?:\\.\\d{1,2})?)"
            + "|(-?\\d+(?:\\.\\d{1,2})?)\\s*(?:元|块|rmb|yuan)|(?<![\\d.])(-?\\d+\\.\\d{1,2})(?![\\d.])");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private enum Kind { DATE, RELATIVE_DATE, MONEY, DIGITS }

    private record Label(int start, int end, InvoiceField field) {
    }

    private record Token(Kind kind, int start, int end, String value, LocalDate date, InvoiceField label) {
    }

    private static void label(InvoiceField field, String... words) {
        for (String word : words) {
            LABELS.put(word, field);
        }
    }

    /** The invoice fields a text names by label, without a value ("金额应该填多少" names the amount). */
    static java.util.Set<InvoiceField> mentionedFields(String text) {
        java.util.Set<InvoiceField> fields = java.util.EnumSet.noneOf(InvoiceField.class);
        Matcher m = LABEL.matcher(cn.invoicehelp.text.TextNormalizer.normalize(text));
        while (m.find()) {
            fields.add(LABELS.get(m.group().toLowerCase(java.util.Locale.ROOT)));
        }
        return fields;
    }

    Entities extract(String text, InvoiceField expected, LocalDate today) {
        return extract(text, expected == null ? List.of() : List.of(expected), Set.of(), today);
    }

    /**
     * @param expected fields the assistant is waiting for (the one it asked, or those a lookup blamed): an
     *                 unlabelled value of the right shape fills the first of them
     * @param known    fields the conversation already holds: a bare 8-digit run that reads as a recent date is the
     *                 issue date when the number is already known
     */
    Entities extract(String text, List<InvoiceField> expected, Set<InvoiceField> known, LocalDate today) {
        if (text == null || text.isBlank()) {
            return Entities.NONE;
        }
        StringBuilder work = new StringBuilder(DigitText.normalize(text));
        String tracking = null;
        Matcher t = TRACKING_NUMBER.matcher(work);
        if (t.find()) {
            tracking = cn.invoicehelp.escalation.TrackingNumbers.normalise(t.group()).orElse(null);
            if (tracking != null) {
                mask(work, t.start(), t.end());
            }
        }
        String type = InvoiceTypeWords.find(work.toString());
        Map<InvoiceField, String> fields = assign(tokens(work, today), expected, known, today);
        if (type != null) {
            fields.put(InvoiceField.TYPE, type);
        }
        return new Entities(fields, tracking);
    }

    private Map<InvoiceField, String> assign(List<Token> tokens, List<InvoiceField> expected, Set<InvoiceField> known,
            LocalDate today) {
        Map<InvoiceField, String> raw = new EnumMap<>(InvoiceField.class);
        List<Token> unlabelled = new ArrayList<>();
        for (Token token : tokens) {
            InvoiceField field = token.label() != null ? token.label() : implicit(token, expected, raw);
            if (field == null || !place(token, field, raw)) {
                unlabelled.add(token);
            }
        }
        List<Token> left = new ArrayList<>();
        for (Token token : unlabelled) {
            InvoiceField field = byShape(token, raw, known, today);
            if (field == null || !place(token, field, raw)) {
                left.add(token);
            }
        }
        // The usual order ends with the amount or the check code: a plain number after the others is one of them.
        boolean afterOthers = raw.containsKey(InvoiceField.NUMBER);
        for (Token token : left) {
            if (afterOthers && token.kind() == Kind.DIGITS && token.value().length() <= 11) {
                InvoiceField field = token.value().length() == 6 && !raw.containsKey(InvoiceField.CHECK_CODE)
                        && !raw.containsKey(InvoiceField.AMOUNT) ? null : InvoiceField.AMOUNT;
                if (field == null) {
                    raw.put(InvoiceField.CHECK_CODE, token.value()); // six digits: the printed check code tail
                } else if (!raw.containsKey(field)) {
                    raw.put(field, token.value());
                }
            }
        }
        return raw;
    }

    /** The field the assistant is waiting for, when this unlabelled token fits it. */
    private InvoiceField implicit(Token token, List<InvoiceField> expected, Map<InvoiceField, String> raw) {
        for (InvoiceField field : expected) {
            if (!raw.containsKey(field) && fits(token, field)) {
                return field;
            }
        }
        return null;
    }

    private static boolean fits(Token token, InvoiceField field) {
        int len = token.value() == null ? 0 : token.value().length();
        return switch (field) {
            case CODE -> token.kind() == Kind.DIGITS && (len == 10 || len == 12);
            case NUMBER -> token.kind() == Kind.DIGITS && (len == 8 || len == 20);
            case CHECK_CODE -> token.kind() == Kind.DIGITS && (len == 6 || len == 20);
            case AMOUNT -> token.kind() == Kind.MONEY || token.kind() == Kind.DIGITS && len < 12;
            case ISSUE_DATE -> token.date() != null;
            case TYPE -> false;
        };
    }

    /** Unlabelled tokens by their shape: 20 digits = 数电 number, 10/12 = code, 8 = number unless it is a second run. */
    private InvoiceField byShape(Token token, Map<InvoiceField, String> raw, Set<InvoiceField> known,
            LocalDate today) {
        return switch (token.kind()) {
            case DATE -> InvoiceField.ISSUE_DATE;
            // "今天查不到" names no issue date; "昨天开的" or a label does
            case RELATIVE_DATE -> token.value().endsWith("开") ? InvoiceField.ISSUE_DATE : null;
            case MONEY -> InvoiceField.AMOUNT;
            case DIGITS -> switch (token.value().length()) {
                case 20 -> !raw.containsKey(InvoiceField.NUMBER) ? InvoiceField.NUMBER : InvoiceField.CHECK_CODE;
                case 10, 12 -> InvoiceField.CODE;
                case 8 -> {
                    boolean dateShaped = DateWords.recent(token.date(), today);
                    boolean numberKnown = raw.containsKey(InvoiceField.NUMBER) || known.contains(InvoiceField.NUMBER);
                    yield numberKnown && dateShaped ? InvoiceField.ISSUE_DATE : InvoiceField.NUMBER;
                }
                default -> null;
            };
        };
    }

    /** Puts the token's value under the field when the field is still free and the value can be one. */
    private boolean place(Token token, InvoiceField field, Map<InvoiceField, String> raw) {
        if (raw.containsKey(field)) {
            return false;
        }
        if (field == InvoiceField.ISSUE_DATE) {
            if (token.date() == null) {
                return false;
            }
            raw.put(field, token.date().toString());
            return true;
        }
        if (token.kind() == Kind.RELATIVE_DATE || token.kind() == Kind.DATE
                || (token.kind() == Kind.MONEY && field != InvoiceField.AMOUNT)) {
            return false;
        }
        raw.put(field, token.value());
        return true;
    }

    private List<Token> tokens(StringBuilder work, LocalDate today) {
        List<Label> labels = new ArrayList<>();
        Matcher l = LABEL.matcher(work);
        while (l.find()) {
            labels.add(new Label(l.start(), l.end(), LABELS.get(l.group().toLowerCase(java.util.Locale.ROOT))));
        }
        List<Token> tokens = new ArrayList<>();
        scan(work, DATE_FULL, m -> fullDate(m, today), Kind.DATE, tokens);
        scan(work, DATE_MONTH_DAY, m -> DateWords.monthDay(m.group(1), m.group(2), today), Kind.DATE, tokens);
        scan(work, DATE_RELATIVE, m -> DateWords.relative(m.group(), today), Kind.RELATIVE_DATE, tokens);
        scan(work, MONEY, m -> null, Kind.MONEY, tokens);
        scan(work, DIGITS, m -> m.group().length() == 8 ? DateWords.date(m.group().substring(0, 4),
                m.group().substring(4, 6), m.group().substring(6)) : null, Kind.DIGITS, tokens);
        tokens.sort((a, b) -> Integer.compare(a.start(), b.start()));
        List<Token> labelled = new ArrayList<>();
        String s = work.toString();
        for (Token token : tokens) {
            labelled.add(new Token(token.kind(), token.start(), token.end(), token.value(), token.date(),
                    labelFor(s, token.start(), labels)));
        }
        return labelled;
    }

    /** A two-digit year needs a date-like separator (24-12-20, 24年12月20日) and must be a plausible issue date. */
    private static LocalDate fullDate(Matcher m, LocalDate today) {
        LocalDate date = DateWords.date(m.group(1), m.group(3), m.group(4));
        if (m.group(1).length() == 2 && (date == null || date.isAfter(today))) {
            return null;
        }
        return date;
    }

    private interface DateOf {
        LocalDate of(Matcher m);
    }

    private void scan(StringBuilder work, Pattern pattern, DateOf dateOf, Kind kind, List<Token> out) {
        Matcher m = pattern.matcher(work.toString());
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            LocalDate date = dateOf.of(m);
            if (kind == Kind.DATE && date == null) {
                continue;
            }
            String value = kind == Kind.MONEY ? firstGroup(m) : m.group();
            out.add(new Token(kind, m.start(), m.end(), value, date, null));
            spans.add(new int[] {m.start(), m.end()});
        }
        spans.forEach(span -> mask(work, span[0], span[1]));
    }

    /** A label counts for a token when only a few non-digit characters (：是为 spaces) stand between them. */
    private InvoiceField labelFor(String s, int tokenStart, List<Label> labels) {
        InvoiceField field = null;
        for (Label label : labels) {
            if (label.end() <= tokenStart && tokenStart - label.end() <= 6
                    && s.substring(label.end(), tokenStart).chars().noneMatch(c -> Character.isDigit(c) || c == '_')) {
                field = label.field();
            }
        }
        return field;
    }

    private static String firstGroup(Matcher m) {
        for (int i = 1; i <= m.groupCount(); i++) {
            if (m.group(i) != null) {
                return m.group(i);
            }
        }
        return m.group();
    }

    private static void mask(StringBuilder work, int start, int end) {
        for (int i = start; i < end; i++) {
            work.setCharAt(i, '_');
        }
    }
}
