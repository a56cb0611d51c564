package cn.invoicehelp.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Request body sizes, enforced before a body is read ({@link RequestSizeLimit}).
 *
 * @param maxBody       any request body (JSON APIs, forms, chat session creation)
 * @param maxImportBody the admin CSV import ({@code /api/admin/invoices/import})
 */
@ConfigurationProperties("helpdesk.limits")
record RequestLimits(DataSize maxBody, DataSize maxImportBody) {

    RequestLimits {
        maxBody = maxBody == null ? DataSize.ofMegabytes(1) : maxBody;
        maxImportBody = maxImportBody == null ? DataSize.ofMegabytes(50) : maxImportBody;
    }
}
