package cn.invoicehelp.notification;

/**
 * What a subscription follows: one fault report (by tracking number), one incident (by id) or one maintenance
 * announcement (by id: told when it is over).
 */
enum TargetType {
    REPORT, INCIDENT, ANNOUNCEMENT
}
