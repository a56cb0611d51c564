package cn.invoicehelp.assistant;

import cn.invoicehelp.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes typed digits comparable: full-width folded, thousands commas dropped, and a long number typed in short groups
 * ("0110 0190 0511") joined. Only groups of up to four digits are joined, and never a group that belongs to a date or
 * an amount, so "号码12345699 2024-12-20" keeps the number apart from the year.
 */
final class DigitText {

    private static final Pattern THOUSANDS = Pattern.compile("(?<![\\d.])\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,2})?(?![\\d,])");
    private static final Pattern DIGIT_GROUPS =
            Pattern.compile("(?<![\\d\\-/.年月])\\d+(?:[ \\t]+\\d+)+(?![\\d]|\\s*[-/.年月元块]\\s*\\d?)");
    private static final int CHUNK = 4;
    private static final int[] ID_LENGTHS = {6, 8, 10, 12, 20};

    private DigitText() {
    }

    static String normalize(String text) {
        String s = TextNormalizer.normalize(text);
        Matcher th = THOUSANDS.matcher(s);
        StringBuilder out = new StringBuilder();
        while (th.find()) {
            th.appendReplacement(out, th.group().replace(",", ""));
        }
        th.appendTail(out);
        Matcher groups = DIGIT_GROUPS.matcher(out.toString());
        StringBuilder joined = new StringBuilder();
        while (groups.find()) {
            groups.appendReplacement(joined, String.join(" ", joinChunks(groups.group().split("[ \\t]+"))));
        }
        groups.appendTail(joined);
        return joined.toString();
    }

    /** Runs of short groups are joined into identifier lengths; a long group is a value of its own. */
    private static List<String> joinChunks(String[] groups) {
        List<String> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (String group : groups) {
            if (group.length() <= CHUNK) {
                run.add(group);
            } else {
                out.addAll(join(run.toArray(String[]::new)));
                run.clear();
                out.add(group);
            }
        }
        out.addAll(join(run.toArray(String[]::new)));
        return out;
    }

    /** Joins groups into runs of plausible identifier lengths, fewest runs first; left alone when impossible. */
    private static List<String> join(String[] groups) {
        int n = groups.length;
        if (n < 2) {
            return List.of(groups);
        }
        int[] best = new int[n + 1];
        int[] from = new int[n + 1];
        Arrays.fill(best, Integer.MAX_VALUE);
        best[0] = 0;
        for (int i = 1; i <= n; i++) {
            int len = 0;
            for (int j = i - 1; j >= 0; j--) {
                len += groups[j].length();
                if (isIdLength(len) && best[j] != Integer.MAX_VALUE && best[j] + 1 < best[i]) {
                    best[i] = best[j] + 1;
                    from[i] = j;
                }
            }
        }
        if (best[n] == Integer.MAX_VALUE) {
            return List.of(groups);
        }
        List<String> runs = new ArrayList<>();
        for (int i = n; i > 0; i = from[i]) {
            runs.add(0, String.join("", Arrays.copyOfRange(groups, from[i], i)));
        }
        return runs;
    }

    private static boolean isIdLength(int length) {
        return Arrays.stream(ID_LENGTHS).anyMatch(l -> l == length);
    }
}
