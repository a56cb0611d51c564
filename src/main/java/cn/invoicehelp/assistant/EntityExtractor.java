package cn.invoicehelp.assistant;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pulls invoice fields out of free text. Labels the user wrote (代码/号码/日期/金额/校验码) win; unlabelled digit runs are
 * read by length, and the field the assistant just asked for counts as an implicit label.
 */
final class EntityExtractor {

    /** Fault-report tracking number: BJ + yymmdd + 9 base32 characters (see escalation.TrackingNumbers). */
    static final Pattern TRACKING_NUMBER = Pattern.compile("(?i)(?<![0-9A-Z])BJ(?:[ \\-]?[0-9A-Z]){15}(?![0-9A-Z])");

    private static final Map<String, String> LABELS = new LinkedHashMap<>();
    static {
        for (String l : List.of("发票代码", "代码")) LABELS.put(l, "code");
        for (String l : List.of("数电票号码", "发票号码", "号码", "票号")) LABELS.put(l, "number");
        for (String l : List.of("开票日期", "开具日期", "开票时间", "开票于", "日期")) LABELS.put(l, "issueDate");
        for (String l : List.of("价税合计", "不含税金额", "开具金额", "含税金额", "车价合计", "不含税价", "金额", "合计"))
            LABELS.put(l, "amount");
        for (String l : List.of("校验码后六位", "校验码后6位", "校验码")) LABELS.put(l, "checkCode");
    }
    private static final Pattern LABEL = Pattern.compile(String.join("|", LABELS.keySet()));
    private static final Pattern DATE_FULL =
            Pattern.compile("(?<!\\d)(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})(?!\\d)\\s*[日号]?");
    private static final Pattern DATE_MONTH_DAY = Pattern.compile("(?<!\\d)(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]");
    private static final Pattern DATE_RELATIVE = Pattern.compile("(?:前天|昨天|昨日|今天|今日)(?:开)?");
    private static final Pattern MONEY = Pattern.compile(
            "¥\\s*(-?\\d+(?:\\.\\d{1,2})?)|(-?\\d+(?:\\.\\d{1,2})?)\\s*[元块]|(?<![\\d.])(-?\\d+\\.\\d{1,2})(?![\\d.])");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private enum Kind { DATE, RELATIVE_DATE, MONEY, DIGITS }

    private record Label(int start, int end, String field) {
    }

    private record Token(Kind kind, int start, int end, String value, LocalDate date, String label) {
    }

    Entities extract(String text, String expectedField, LocalDate today) {
        return extract(text, expectedField, java.util.Set.of(), today);
    }

    /**
     * @param known invoice fields the conversation already holds: a bare 8-digit run that reads as a recent date is
     *              the issue date when the number is already known (a correction of the number is asked for by name)
     */
    Entities extract(String text, String expectedField, java.util.Set<String> known, LocalDate today) {
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
        List<Token> tokens = tokens(work, today);
        return assign(tokens, expectedField, known, today, type, tracking);
    }

    private Entities assign(List<Token> tokens, String expected, java.util.Set<String> known, LocalDate today,
            String type, String tracking) {
        Map<String, String> raw = new LinkedHashMap<>();
        LocalDate[] date = {null};
        List<Token> unlabelled = new ArrayList<>();
        for (Token token : tokens) {
            String field = token.label() != null ? token.label() : implicit(token, expected, raw, date[0]);
            if (field == null) {
                unlabelled.add(token);
            } else if (!place(token, field, raw, date)) {
                unlabelled.add(token);
            }
        }
        for (Token token : unlabelled) {
            String field = byShape(token, raw, known, date[0], today);
            if (field != null) {
                place(token, field, raw, date);
            }
        }
        return new Entities(raw.get("code"), raw.get("number"), date[0], raw.get("amount"), raw.get("checkCode"), type,
                tracking);
    }

    /** The field the assistant asked for, when this unlabelled token fits it. */
    private String implicit(Token token, String expected, Map<String, String> raw, LocalDate date) {
        if (expected == null || raw.containsKey(expected) || ("issueDate".equals(expected) && date != null)) {
            return null;
        }
        int len = token.value() == null ? 0 : token.value().length();
        boolean fits = switch (expected) {
            case "code" -> token.kind() == Kind.DIGITS && (len == 10 || len == 12);
            case "number" -> token.kind() == Kind.DIGITS && (len == 8 || len == 20);
            case "checkCode" -> token.kind() == Kind.DIGITS && (len == 6 || len == 20);
            case "amount" -> token.kind() == Kind.MONEY || token.kind() == Kind.DIGITS && len < 12;
            case "issueDate" -> token.date() != null;
            default -> false;
        };
        return fits ? expected : null;
    }

    /** Unlabelled tokens by their shape: 20 digits = 数电 number, 10/12 = code, 8 = number unless it is a second run. */
    private String byShape(Token token, Map<String, String> raw, java.util.Set<String> known, LocalDate date,
            LocalDate today) {
        return switch (token.kind()) {
            case DATE -> date == null ? "issueDate" : null;
            // "今天查不到" names no issue date; "昨天开的" or a label does
            case RELATIVE_DATE -> date == null && token.value().endsWith("开") ? "issueDate" : null;
            case MONEY -> raw.containsKey("amount") ? null : "amount";
            case DIGITS -> switch (token.value().length()) {
                case 20 -> !raw.containsKey("number") ? "number" : raw.containsKey("checkCode") ? null : "checkCode";
                case 10, 12 -> raw.containsKey("code") ? null : "code";
                case 8 -> {
                    boolean dateShaped = date == null && DateWords.recent(token.date(), today);
                    boolean numberKnown = raw.containsKey("number") || known.contains("number");
                    yield numberKnown && dateShaped ? "issueDate" : !raw.containsKey("number") ? "number" : null;
                }
                default -> null;
            };
        };
    }

    private boolean place(Token token, String field, Map<String, String> raw, LocalDate[] date) {
        if ("issueDate".equals(field)) {
            if (token.date() == null || date[0] != null) {
                return false;
            }
            date[0] = token.date();
            return true;
        }
        if (raw.containsKey(field) || token.kind() == Kind.RELATIVE_DATE || token.kind() == Kind.DATE
                || (token.kind() == Kind.MONEY && !"amount".equals(field))) {
            return false;
        }
        raw.put(field, token.value());
        return true;
    }

    private List<Token> tokens(StringBuilder work, LocalDate today) {
        List<Label> labels = new ArrayList<>();
        Matcher l = LABEL.matcher(work);
        while (l.find()) {
            labels.add(new Label(l.start(), l.end(), LABELS.get(l.group())));
        }
        List<Token> tokens = new ArrayList<>();
        scan(work, DATE_FULL, m -> DateWords.date(m.group(1), m.group(2), m.group(3)), Kind.DATE, tokens);
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
    private String labelFor(String s, int tokenStart, List<Label> labels) {
        String field = null;
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
