/**
 * The invoice module's implementation: the directory table and its reads, the lookup (rules, region codes, limits,
 * daily counts, explanations), the streaming CSV import (COPY on PostgreSQL, JDBC batches elsewhere) and the demo
 * data loaded on first start.
 */
package cn.invoicehelp.invoice.internal;
