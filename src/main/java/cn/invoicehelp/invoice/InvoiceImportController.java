package cn.invoicehelp.invoice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

@Tag(name = "发票导入 (管理员)")
@RestController
class InvoiceImportController {

    private final InvoiceImporter importer;

    InvoiceImportController(InvoiceImporter importer) {
        this.importer = importer;
    }

    @Operation(summary = "导入 CSV (text/csv, UTF-8), 逐行流式处理; 相同行不重复, 变化的行更新, 错误行列在 rejected 中")
    @PostMapping("/api/admin/invoices/import")
    InvoiceImporter.ImportResult importCsv(HttpServletRequest request) throws IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
        if (!type.startsWith("text/csv") && !type.startsWith("text/plain")) {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请以 text/csv (UTF-8) 上传发票 CSV 文件。");
        }
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
            return importer.importCsv(reader);
        }
    }
}
