package cn.invoicehelp.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How typed text is made comparable everywhere: NFKC folds full-width digits, letters and punctuation (１２３, ＡＢ,
 * ：，) and the ideographic space to their ASCII forms; the yuan sign ￥ becomes ¥.
 */
public final class TextNormalizer {

    private static final Pattern PUNCTUATION_AND_SPACE = Pattern.compile("[\\p{P}\\p{S}\\s]+");

    private TextNormalizer() {
    }

    /** NFKC plus the yuan sign; null stays null so callers can keep "not given" apart from "empty". */
    public static String normalize(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFKC).replace('￥', '¥');
    }

    /** Normalised and lower-cased: for matching words, where case carries no meaning (Invoice, FAPIAO). */
    public static String folded(String text) {
        return text == null ? null : normalize(text).toLowerCase(Locale.ROOT);
    }

    /** Folded with punctuation, symbols and blanks removed: "是。" and "是" are the same answer. */
    public static String plain(String text) {
        return text == null ? "" : PUNCTUATION_AND_SPACE.matcher(folded(text)).replaceAll("");
    }
}
