/**
 * Escalation: hand-offs to human agents and fault reports with tracking numbers. Other modules use only this
 * package: {@link cn.invoicehelp.escalation.Handoffs}, {@link cn.invoicehelp.escalation.AgentPresence},
 * {@link cn.invoicehelp.escalation.FaultReporting}, {@link cn.invoicehelp.escalation.TrackingNumbers} and the events
 * and records they speak in. {@code handoff} holds the hand-off queue's storage and listener, {@code report} the fault
 * report aggregate, its rules, storage and throttles, {@code web} the public and staff fault report APIs, the help
 * center pages and their zh-CN error bodies.
 */
@org.springframework.modulith.ApplicationModule
package cn.invoicehelp.escalation;
