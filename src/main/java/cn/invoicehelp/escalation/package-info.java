/** Escalation: hand-offs to human agents and fault reports with tracking numbers. */
@org.springframework.modulith.ApplicationModule
package cn.invoicehelp.escalation;
