package cn.invoicehelp.chat;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A visitor's {@code /app/chat.send} payload, checked by hand so that every kind of bad input gets its own zh-CN
 * message (and the clientMessageId, whenever it could be read) instead of a converter exception.
 */
public record IncomingMessage(String clientMessageId, String text, String action, String error) {

    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** The clientMessageId of a ping, or null when the payload has no valid one. */
    static String pingId(byte[] payload, JsonMapper json) {
        try {
            JsonNode id = json.readTree(payload).get("clientMessageId");
            return id != null && id.isString() && MESSAGE_ID.matcher(id.stringValue()).matches() ? id.stringValue() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
    private static final int MAX_ACTION = 200;

    boolean valid() {
        return error == null;
    }

    static IncomingMessage parse(byte[] payload, JsonMapper json, int maxTextLength) {
        String body;
        try {
            body = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            return rejected(null, "消息不是有效的 UTF-8 文本。");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            return rejected(null, "消息格式不正确，请以 JSON 发送，例如 {\"clientMessageId\": \"…\", \"text\": \"…\"}。");
        }
        if (node == null || !node.isObject()) {
            return rejected(null, "消息格式不正确，请以 JSON 对象发送。");
        }
        JsonNode idNode = node.get("clientMessageId");
        String id = idNode != null && idNode.isString() && MESSAGE_ID.matcher(idNode.stringValue()).matches()
                ? idNode.stringValue() : null;
        if (id == null) {
            return rejected(null, "缺少有效的 clientMessageId（1–64 位字母、数字或 -_.: ，建议使用 UUID）。");
        }
        JsonNode textNode = node.get("text");
        JsonNode actionNode = node.get("action");
        boolean hasText = textNode != null && !textNode.isNull();
        boolean hasAction = actionNode != null && !actionNode.isNull();
        if (hasText == hasAction) {
            return rejected(id, hasText ? "text 与 action 只能二选一。" : "消息需要包含 text（文字）或 action（快捷选项）。");
        }
        if (hasAction) {
            if (!actionNode.isString() || actionNode.stringValue().isBlank()
                    || actionNode.stringValue().length() > MAX_ACTION || hasControlCharacters(actionNode.stringValue())) {
                return rejected(id, "快捷选项无效。");
            }
            return new IncomingMessage(id, null, actionNode.stringValue(), null);
        }
        if (!textNode.isString()) {
            return rejected(id, "text 必须是文字。");
        }
        String text = textNode.stringValue();
        if (text.isBlank()) {
            return rejected(id, "消息不能为空。");
        }
        if (text.codePointCount(0, text.length()) > maxTextLength) {
            return rejected(id, "消息太长了，请控制在 " + maxTextLength + " 字以内。");
        }
        if (hasControlCharacters(text)) {
            return rejected(id, "消息包含无法识别的控制字符，请只发送文字。");
        }
        return new IncomingMessage(id, text.strip(), null, null);
    }

    /** Control characters (C0, DEL, C1) and stray surrogates, except newline and tab. */
    public static boolean hasControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\t') {
                continue;
            }
            if (Character.isISOControl(c) || c == '\uFFFE' || c == '\uFFFF') {
                return true;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static IncomingMessage rejected(String clientMessageId, String error) {
        return new IncomingMessage(clientMessageId, null, null, error);
    }
}
