/**
 * The hand-off queue behind {@link cn.invoicehelp.escalation.Handoffs}: the {@code handoff_request} rows (each guards
 * its own claim, transfer, release and close), the listener that queues requested hand-offs, service hours and the
 * estimated wait.
 */
package cn.invoicehelp.escalation.handoff;
