/**
 * Fault reports: the aggregate and its four-stage timeline, the filing rules, storage, incident links, throttles and
 * the size limit on request bodies. {@code escalation.web} serves them over HTTP.
 */
package cn.invoicehelp.escalation.report;
