/**
 * Notifications: visitors subscribe a phone number and/or e-mail address (with consent) to a fault report or an
 * incident; stage changes and recovery notices are queued in an outbox table and delivered by e-mail (SMTP) or SMS
 * (a pluggable {@link cn.invoicehelp.notification.SmsGateway}), retried with backoff. Contacts are masked everywhere,
 * never logged, and erased once the subscription has ended.
 */
@org.springframework.modulith.ApplicationModule
package cn.invoicehelp.notification;
