/** Chat transport: visitor sessions, STOMP over WebSocket, the persisted event log and replay. */
@org.springframework.modulith.ApplicationModule
package cn.invoicehelp.chat;
