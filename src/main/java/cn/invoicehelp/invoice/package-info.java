/**
 * Invoice directory: stores invoices, imports them from the invoice system and verifies lookups with zh-CN diagnoses.
 * Other modules use only this package: {@link cn.invoicehelp.invoice.InvoiceVerification} and the types of its
 * requests and answers. {@code web} holds the REST controllers and their error bodies; {@code internal} the directory
 * storage, the lookup rules and limits, and the CSV import.
 */
@org.springframework.modulith.ApplicationModule
package cn.invoicehelp.invoice;
