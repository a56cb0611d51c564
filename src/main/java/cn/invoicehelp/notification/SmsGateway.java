package cn.invoicehelp.notification;

/**
 * Sends one text message. A Spring bean implementing this interface (e.g. a client of the operator's SMS gateway)
 * replaces the built-in stand-in. Throw to have the message retried later.
 */
public interface SmsGateway {

    void send(String phone, String text) throws Exception;
}
