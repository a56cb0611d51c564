package cn.invoicehelp.invoice;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dailyLookups   lookups of one invoice answered per day (Asia/Shanghai), as on the national platform
 * @param windowYears    how far back an invoice can be verified
 * @param clientPerMinute verification requests per minute and client address on the REST API
 * @param demoCount      demo invoices generated on first start with an empty directory (0 = none)
 */
@ConfigurationProperties("helpdesk.invoice")
record InvoiceProperties(Integer dailyLookups, Integer windowYears, Integer clientPerMinute, Integer demoCount) {

    InvoiceProperties {
        dailyLookups = dailyLookups == null ? 5 : dailyLookups;
        windowYears = windowYears == null ? 5 : windowYears;
        clientPerMinute = clientPerMinute == null ? 30 : clientPerMinute;
        demoCount = demoCount == null ? 5000 : demoCount;
    }
}
