package cn.invoicehelp.assistant;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Invoice type words → the type names the invoice lookup accepts. */
final class InvoiceTypeWords {

    private static final Map<Pattern, String> TYPES = new LinkedHashMap<>();
    static {
        // Most specific first: 通行费电子普票 is TOLL, 数电专票 is DIGITAL_SPECIAL.
        TYPES.put(Pattern.compile("通行费"), "TOLL");
        TYPES.put(Pattern.compile("二手车"), "USED_VEHICLE");
        TYPES.put(Pattern.compile("机动车"), "VEHICLE");
        TYPES.put(Pattern.compile("(数电|全电)[^，,。]{0,6}专"), "DIGITAL_SPECIAL");
        TYPES.put(Pattern.compile("数电|全电"), "DIGITAL_NORMAL");
        TYPES.put(Pattern.compile("电子专票|电子专用发票|增值税电子专用"), "E_SPECIAL");
        TYPES.put(Pattern.compile("电子普票|电子普通发票|增值税电子普通"), "E_NORMAL");
        TYPES.put(Pattern.compile("卷票|卷式"), "ROLL");
        TYPES.put(Pattern.compile("专票|专用发票"), "SPECIAL");
        TYPES.put(Pattern.compile("普票|普通发票"), "NORMAL");
    }

    private InvoiceTypeWords() {
    }

    static String find(String text) {
        for (Map.Entry<Pattern, String> entry : TYPES.entrySet()) {
            if (entry.getKey().matcher(text).find()) {
                return entry.getValue();
            }
        }
        return null;
    }
}
