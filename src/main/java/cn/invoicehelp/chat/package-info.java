/**
 * Chat transport: visitor sessions, STOMP over WebSocket, the persisted event log and replay. Other modules use only
 * this package: {@link cn.invoicehelp.chat.AgentDesk}, {@link cn.invoicehelp.chat.StaffSockets} and the records they
 * speak in ({@link cn.invoicehelp.chat.StaffEvent}, {@link cn.invoicehelp.chat.ConversationRecord}). This package also
 * keeps the turn pipeline (sessions, conversations, the event log with its group commit, per-conversation queues,
 * the assistant gateway, event sending and fan-out, the STOMP message controller and the listeners that write other
 * modules' events into conversations). {@code web} holds the visitor session REST API, its CORS and its zh-CN error
 * bodies; {@code broker} the STOMP endpoint and broker configuration (simple broker or RabbitMQ relay), the token
 * check on CONNECT/SUBSCRIBE, connection limits, socket buffers and STOMP error frames.
 */
@org.springframework.modulith.ApplicationModule
package cn.invoicehelp.chat;
