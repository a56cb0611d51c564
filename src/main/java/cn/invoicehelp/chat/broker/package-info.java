/**
 * The chat module's STOMP side: the {@code /ws/chat} endpoint and broker configuration (in-memory broker, or the
 * RabbitMQ relay in production with its destination mapping, health check and subscription receipts), the visitor
 * token check on CONNECT and SUBSCRIBE, the per-client connection guard and client address, socket buffer sizes and
 * the zh-CN STOMP error frames sent before the socket closes.
 */
package cn.invoicehelp.chat.broker;
