package cn.invoicehelp.assistant;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Makes typed digits comparable: full-width folded, thousands commas dropped, spaced digit groups joined. */
final class DigitText {

    private static final Pattern THOUSANDS = Pattern.compile("(?<![\\d.])\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,2})?(?![\\d,])");
    private static final Pattern DIGIT_GROUPS = Pattern.compile("\\d+(?:[ \\t]+\\d+)+");
    private static final int[] ID_LENGTHS = {6, 8, 10, 12, 20};

    private DigitText() {
    }

    /** NFKC turns full-width digits and punctuation into ASCII; thousands commas go; spaced digit groups are joined. */
    static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).replace('￥', '¥');
        Matcher th = THOUSANDS.matcher(s);
        StringBuilder out = new StringBuilder();
        while (th.find()) {
            th.appendReplacement(out, th.group().replace(",", ""));
        }
        th.appendTail(out);
        Matcher groups = DIGIT_GROUPS.matcher(out.toString());
        StringBuilder joined = new StringBuilder();
        while (groups.find()) {
            groups.appendReplacement(joined, String.join(" ", join(groups.group().split("[ \\t]+"))));
        }
        groups.appendTail(joined);
        return joined.toString();
    }

    /** Joins spaced digit groups into runs of plausible identifier lengths, fewest runs first. */
    private static List<String> join(String[] groups) {
        if (Arrays.stream(groups).allMatch(g -> isIdLength(g.length()))) {
            return List.of(groups);
        }
        int n = groups.length;
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
