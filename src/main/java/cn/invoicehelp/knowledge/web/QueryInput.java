package cn.invoicehelp.knowledge.web;

import java.util.regex.Pattern;

/** Rules for what a user may type into the search box; breaking one is a 400 with a zh-CN reason. */
final class QueryInput {

    static final int MAX_LENGTH = 200;
    private static final Pattern BLANK = Pattern.compile("[\\s\\p{Z}]*");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\u200d]]");

    private QueryInput() {
    }

    static String validate(String q) {
        if (q == null || BLANK.matcher(q).matches()) {
            throw new BadSearchRequest("请输入要搜索的问题。");
        }
        if (q.length() > MAX_LENGTH) {
            throw new BadSearchRequest("问题太长了,请控制在 " + MAX_LENGTH + " 个字以内。");
        }
        if (CONTROL.matcher(q).find()) {
            throw new BadSearchRequest("问题中包含无法识别的控制字符,请删除后重试。");
        }
        return q.strip();
    }

    static int limit(Integer limit, int fallback, int max) {
        if (limit == null) {
            return fallback;
        }
        if (limit < 1 || limit > max) {
            throw new BadSearchRequest("limit 必须在 1 到 " + max + " 之间。");
        }
        return limit;
    }

    /** A request the user can fix; answered with 400 and the message. */
    static class BadSearchRequest extends RuntimeException {
        BadSearchRequest(String message) {
            super(message);
        }
    }
}
