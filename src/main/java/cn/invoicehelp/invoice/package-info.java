/** Invoice directory: stores invoices, imports them from the invoice system and verifies lookups with zh-CN diagnoses. */
@org.springframework.modulith.ApplicationModule
package cn.invoicehelp.invoice;
