/**
 * The invoice module's HTTP side: {@code POST /api/invoices/verify}, the admin CSV import and their zh-CN error
 * bodies.
 */
package cn.invoicehelp.invoice.web;
