package cn.invoicehelp.notification;

/** How a message is delivered. */
enum Channel {
    EMAIL, SMS
}
