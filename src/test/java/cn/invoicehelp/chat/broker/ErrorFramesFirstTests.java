package cn.invoicehelp.chat.broker;

import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ErrorFramesFirstTests {

    @Test
    void anErrorFrameQueuedBehindAnotherWriteStillReachesTheClientBeforeTheClose() throws Exception {
        List<String> wire = new CopyOnWriteArrayList<>();
        var firstWriteStarted = new CountDownLatch(1);
        var releaseFirstWrite = new CountDownLatch(1);
        WebSocketSession socket = mock(WebSocketSession.class);
        when(socket.getId()).thenReturn("s1");
        when(socket.isOpen()).thenReturn(true);
        doAnswer(call -> {
            String frame = ((TextMessage) call.getArgument(0)).getPayload();
            if (frame.startsWith("MESSAGE")) {
                firstWriteStarted.countDown();
                releaseFirstWrite.await(5, TimeUnit.SECONDS); // a slow client: this write is still going on
            }
            wire.add(frame);
            return null;
        }).when(socket).sendMessage(any());
        doAnswer(call -> wire.add("CLOSE " + call.getArgument(0, CloseStatus.class).getCode()))
                .when(socket).close(any());
        var threads = Executors.newFixedThreadPool(2);
        var session = new ErrorFramesFirst.DrainingBeforeErrorClose(socket, 10_000, 512 * 1024);

        // An event is being written on one thread ...
        var event = CompletableFuture.runAsync(() -> send(session, "MESSAGE event"), threads);
        assertThat(firstWriteStarted.await(5, TimeUnit.SECONDS)).isTrue();
        // ... when a refused frame makes another thread send ERROR and close, as Spring's STOMP handler does.
        var refusal = CompletableFuture.runAsync(() -> {
            send(session, "ERROR forbidden destination");
            try {
                session.close(CloseStatus.PROTOCOL_ERROR);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, threads);
        // Let the first write finish only once the ERROR frame waits in the send buffer behind it.
        int queued = "ERROR forbidden destination".length(); // the write in progress may already be uncounted
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (session.getBufferSize() < queued && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(session.getBufferSize()).isGreaterThanOrEqualTo(queued);
        releaseFirstWrite.countDown();
        CompletableFuture.allOf(event, refusal).get(10, TimeUnit.SECONDS);

        threads.shutdown();
        assertThat(wire).containsExactly("MESSAGE event", "ERROR forbidden destination", "CLOSE 1002");
    }

    private static void send(WebSocketSession session, String frame) {
        try {
            session.sendMessage(new TextMessage(frame));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
