package cn.invoicehelp.invoice.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dailyLookups   matching lookups of one invoice answered per day (Asia/Shanghai), as on the national platform
 * @param windowYears    how far back an invoice can be verified
 * @param clientPerMinute lookups per minute and client address, REST API and chat together
 * @param clientFailuresPerInvoice lookups of one invoice that do not match (not found, mismatch) one client address
 *                       may make a day; after that this client gets LIMIT_EXCEEDED for it, its owner does not
 * @param demoCount      demo invoices generated on first start with an empty directory (0 = none)
 * @param importWriters  database connections an import stores its batches through at once on PostgreSQL (each takes
 *                       the rows of its share of the keys); H2 imports through one
 */
@ConfigurationProperties("helpdesk.invoice")
record InvoiceProperties(Integer dailyLookups, Integer windowYears, Integer clientPerMinute, Integer demoCount,
        Integer clientFailuresPerInvoice, Integer importWriters) {

    InvoiceProperties {
        dailyLookups = dailyLookups == null ? 5 : dailyLookups;
        windowYears = windowYears == null ? 5 : windowYears;
        clientPerMinute = clientPerMinute == null ? 30 : clientPerMinute;
        demoCount = demoCount == null ? 5000 : demoCount;
        clientFailuresPerInvoice = clientFailuresPerInvoice == null ? 5 : clientFailuresPerInvoice;
        importWriters = importWriters == null ? 2 : importWriters;
        if (importWriters < 1) {
            throw new IllegalArgumentException("helpdesk.invoice.import-writers must be at least 1");
        }
    }
}
