/**
 * The escalation module's HTTP side: the visitor's {@code /api/fault-reports} (file, track), the staff's
 * {@code /api/console/fault-reports}, the {@code /help/report} and {@code /help/track} pages and their zh-CN error
 * bodies.
 */
package cn.invoicehelp.escalation.web;
