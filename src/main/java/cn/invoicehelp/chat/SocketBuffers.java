package cn.invoicehelp.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import jakarta.websocket.WebSocketContainer;
import java.util.List;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.server.standard.StandardWebSocketUpgradeStrategy;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
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

    @Configuration(proxyBeanMethods = false)
    static class Settings {

        /** The handshake of {@code /ws/chat}: permessage-deflate only when {@code compression} is on. */
        @Bean
        DefaultHandshakeHandler chatHandshakeHandler(SocketBuffers buffers) {
            return new DefaultHandshakeHandler(new StandardWebSocketUpgradeStrategy() {
                @Override
                protected List<WebSocketExtension> getInstalledExtensions(WebSocketContainer container) {
                    return buffers.compression() ? super.getInstalledExtensions(container) : List.of();
                }
            });
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
