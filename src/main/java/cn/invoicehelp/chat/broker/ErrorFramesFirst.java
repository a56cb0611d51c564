package cn.invoicehelp.chat.broker;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;
import org.springframework.web.socket.messaging.SubProtocolWebSocketHandler;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Makes the STOMP {@code ERROR} frame reach the client before the connection is closed.
 * <p>
 * Spring sends an ERROR frame and then closes the session. When another thread is writing to the same connection
 * at that moment (a replayed event, a heartbeat), the ERROR frame waits in the session's send buffer, and the close
 * that follows discards the buffer: the client sees the connection drop without the reason. Here a close for a
 * protocol error first lets the buffer drain (bounded by the send time limit), then closes.
 */
@Component
class ErrorFramesFirst implements BeanPostProcessor, BeanFactoryAware {

    private BeanFactory beans;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beans = beanFactory;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        // Spring's STOMP configuration creates the handler with `new`; swap it before anything else sees it.
        if (bean.getClass() == SubProtocolWebSocketHandler.class) {
            return new Handler(beans.getBean("clientInboundChannel", MessageChannel.class),
                    beans.getBean("clientOutboundChannel", SubscribableChannel.class));
        }
        return bean;
    }

    /** The STOMP connection handler, with send buffers that deliver an ERROR frame before closing. */
    static final class Handler extends SubProtocolWebSocketHandler {

        Handler(MessageChannel inbound, SubscribableChannel outbound) {
            super(inbound, outbound);
        }

        @Override
        protected WebSocketSession decorateSession(WebSocketSession session) {
            return new DrainingBeforeErrorClose(session, getSendTimeLimit(), getSendBufferSizeLimit());
        }
    }

    static final class DrainingBeforeErrorClose extends ConcurrentWebSocketSessionDecorator {

        private final long drainNanos;
        private final Writes writes;

        DrainingBeforeErrorClose(WebSocketSession delegate, int sendTimeLimitMillis, int bufferSizeLimit) {
            this(new Writes(delegate), sendTimeLimitMillis, bufferSizeLimit);
        }

        private DrainingBeforeErrorClose(Writes writes, int sendTimeLimitMillis, int bufferSizeLimit) {
            super(writes, sendTimeLimitMillis, bufferSizeLimit);
            this.writes = writes;
            this.drainNanos = TimeUnit.MILLISECONDS.toNanos(sendTimeLimitMillis);
        }

        @Override
        public void close(CloseStatus status) throws IOException {
            if (CloseStatus.PROTOCOL_ERROR.equals(status)) {
                // The thread that holds the send lock writes out what is buffered, the ERROR frame included. A frame
                // leaves the buffer count before it is written, so the write in progress is waited for too.
                long deadline = System.nanoTime() + drainNanos;
                while ((getBufferSize() > 0 || writes.inProgress()) && isOpen() && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
            }
            super.close(status);
        }
    }

    /** Counts the writes to the socket that have started and not yet returned. */
    static final class Writes extends WebSocketSessionDecorator {

        private final AtomicInteger inProgress = new AtomicInteger();

        Writes(WebSocketSession delegate) {
            super(delegate);
        }

        @Override
        public void sendMessage(WebSocketMessage<?> message) throws IOException {
            inProgress.incrementAndGet();
            try {
                super.sendMessage(message);
            } finally {
                inProgress.decrementAndGet();
            }
        }

        boolean inProgress() {
            return inProgress.get() > 0;
        }
    }
}
