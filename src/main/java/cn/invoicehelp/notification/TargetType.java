package cn.invoicehelp.notification;

/** What a subscription follows: one fault report (by tracking number) or one incident (by id). */
enum TargetType {
    REPORT, INCIDENT
}
