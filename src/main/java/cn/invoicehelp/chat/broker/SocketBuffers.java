package cn.invoicehelp.chat.broker;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import jakarta.websocket.WebSocketContainer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.context.ServletContextAware;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * Per-connection buffers, the bulk of an idle chat connection's heap (Tomcat keeps each of them for the life of the
 * WebSocket): the WebSocket message buffers (text in chars, binary in bytes; a bigger message is refused with close
 * code 1009) and Tomcat's socket read/write buffers. Tomcat's own frame buffers follow the JVM flag
 * {@code -Dorg.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE} (see docs/operations.md).
 *
 * @param textBufferSize   largest text message, in characters (a 2,000-character chat message is ~2,100); also what
 *                         each connection keeps allocated (2 bytes per character)
 * @param binaryBufferSize largest binary message, in bytes (the widget sends text frames only)
 * @param socketReadBuffer  Tomcat's socket read buffer per connection, bytes
 * @param socketWriteBuffer Tomcat's socket write buffer per connection, bytes
 * @param compression      offer permessage-deflate (off: each compressed connection keeps a deflater and an inflater,
 *                         ~300 KB of native memory, for frames of a few hundred bytes)
 */
@ConfigurationProperties("helpdesk.chat.socket")
record SocketBuffers(Integer textBufferSize, Integer binaryBufferSize, Integer socketReadBuffer,
                     Integer socketWriteBuffer, Boolean compression) {

    SocketBuffers {
        textBufferSize = textBufferSize == null ? 8192 : textBufferSize;
        binaryBufferSize = binaryBufferSize == null ? 8192 : binaryBufferSize;
        socketReadBuffer = socketReadBuffer == null ? 8192 : socketReadBuffer;
        socketWriteBuffer = socketWriteBuffer == null ? 8192 : socketWriteBuffer;
        compression = compression != null && compression;
    }

    /** The handshake request without its {@code Sec-WebSocket-Extensions} offer. */
    static final class WithoutExtensions extends HttpServletRequestWrapper {

        private static final String EXTENSIONS = "Sec-WebSocket-Extensions";

        WithoutExtensions(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return EXTENSIONS.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return EXTENSIONS.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !EXTENSIONS.equalsIgnoreCase(name)).toList());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Settings {

        /**
         * Tomcat agrees to permessage-deflate whenever a browser asks (they all do) and then keeps a deflater and an
         * inflater per connection; unless {@code compression} is on, the chat's handshake does not show it the offer.
         */
        @Bean
        FilterRegistrationBean<OncePerRequestFilter> chatHandshakeWithoutCompression(SocketBuffers buffers) {
            OncePerRequestFilter filter = new OncePerRequestFilter() {
                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                FilterChain chain) throws ServletException, IOException {
                    chain.doFilter(buffers.compression() ? request : new WithoutExtensions(request), response);
                }
            };
            FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
            registration.addUrlPatterns("/ws/chat");
            registration.setName("chatHandshakeWithoutCompression");
            return registration;
        }

        /** Sets the container's defaults when there is one (not in tests without a server). */
        @Bean
        ServletContextAware chatWebSocketContainer(SocketBuffers buffers) {
            return servletContext -> {
                if (servletContext.getAttribute("jakarta.websocket.server.ServerContainer")
                        instanceof WebSocketContainer container) {
                    container.setDefaultMaxTextMessageBufferSize(buffers.textBufferSize());
                    container.setDefaultMaxBinaryMessageBufferSize(buffers.binaryBufferSize());
                }
            };
        }

        /**
         * Spring's STOMP handler raises every session's text buffer to 16,640 characters (33 KB of heap per
         * connection, kept while it is open); chat frames are a few KB at most, so the configured size stays.
         */
        @Bean
        WebSocketHandlerDecoratorFactory chatTextBufferLimit() {
            return handler -> new WebSocketHandlerDecorator(handler) {
                @Override
                public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                    super.afterConnectionEstablished(new WebSocketSessionDecorator(session) {
                        @Override
                        public void setTextMessageSizeLimit(int messageSizeLimit) {
                            // keep the configured buffer (helpdesk.chat.socket.text-buffer-size)
                        }
                    });
                }
            };
        }

        @Bean
        TomcatConnectorCustomizer chatSocketBuffers(SocketBuffers buffers) {
            return connector -> {
                connector.setProperty("socket.appReadBufSize", String.valueOf(buffers.socketReadBuffer()));
                connector.setProperty("socket.appWriteBufSize", String.valueOf(buffers.socketWriteBuffer()));
            };
        }
    }
}
