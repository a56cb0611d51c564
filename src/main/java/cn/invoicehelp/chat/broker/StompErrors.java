package cn.invoicehelp.chat.broker;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/** STOMP ERROR frames: a short ASCII {@code message} header and a zh-CN JSON body, never a stack trace. */
class StompErrors extends StompSubProtocolErrorHandler {

    private final JsonMapper json;

    StompErrors(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Message<byte[]> handleClientMessageProcessingError(Message<byte[]> clientMessage, Throwable ex) {
        Throwable cause = ex;
        while (cause != null && !(cause instanceof TokenInterceptor.ChatAccessDenied)) {
            cause = cause.getCause();
        }
        if (cause instanceof TokenInterceptor.ChatAccessDenied denied) {
            return error(denied.code, denied.getMessage());
        }
        return error("bad frame", "无法处理的 STOMP 帧，请检查帧格式后重新连接。");
    }

    Message<byte[]> error(String code, String description) {
        return error(code, description, null);
    }

    /** An ERROR frame; with a session id it can be sent to the client outbound channel directly. */
    Message<byte[]> error(String code, String description, String sessionId) {
        StompHeaderAccessor accessor = StompHeaderAccessor.create(StompCommand.ERROR);
        accessor.setSessionId(sessionId);
        accessor.setMessage(code);
        accessor.setContentType(org.springframework.util.MimeTypeUtils.APPLICATION_JSON);
        accessor.setLeaveMutable(true);
        return MessageBuilder.createMessage(json.writeValueAsBytes(Map.of("error", description)),
                accessor.getMessageHeaders());
    }
}
