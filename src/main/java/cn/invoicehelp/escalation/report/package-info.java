/** Fault reports: the aggregate, its rules, storage, throttles and the public and staff web APIs. */
package cn.invoicehelp.escalation.report;
