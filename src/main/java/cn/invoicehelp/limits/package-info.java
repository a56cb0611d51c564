/**
 * Limits: per-key token buckets (Bucket4j, in memory, timed by the application clock) that the sign-in, the chat,
 * the invoice lookup and the fault reports use for their rate limits and failure budgets. Depends on nothing.
 */
@org.springframework.modulith.ApplicationModule
package cn.invoicehelp.limits;
