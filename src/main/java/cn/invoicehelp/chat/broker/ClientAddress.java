package cn.invoicehelp.chat.broker;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * Remembers the address a WebSocket handshake came from (the same address the REST API sees), so the connection's
 * turns count against that client's limits.
 */
final class ClientAddress implements HandshakeInterceptor {

    static final String ATTRIBUTE = "helpdesk.clientAddress";
    static final String UNKNOWN = "unknown";

    static String of(Map<String, Object> sessionAttributes) {
        Object address = sessionAttributes == null ? null : sessionAttributes.get(ATTRIBUTE);
        return address instanceof String text ? text : UNKNOWN;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        InetSocketAddress remote = request.getRemoteAddress();
        attributes.put(ATTRIBUTE, remote == null || remote.getAddress() == null ? UNKNOWN
                : remote.getAddress().getHostAddress());
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
    }
}
