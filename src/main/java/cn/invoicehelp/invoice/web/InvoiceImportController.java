package cn.invoicehelp.invoice.web;

import cn.invoicehelp.invoice.internal.InvoiceImporter;
import cn.invoicehelp.invoice.internal.RejectedReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

@Tag(name = "发票导入 (管理员)")
@RestController
class InvoiceImportController {

    /** Character sets a CSV may declare ({@code text/csv; charset=GBK}); without one it is read as UTF-8. */
    static final Map<String, Charset> CHARSETS = Map.of("UTF-8", StandardCharsets.UTF_8, "UTF8", StandardCharsets.UTF_8,
            "GBK", Charset.forName("GBK"), "GB2312", Charset.forName("GBK"), "GB18030", Charset.forName("GB18030"));

    private final InvoiceImporter importer;

    InvoiceImportController(InvoiceImporter importer) {
        this.importer = importer;
    }

    @Operation(summary = "导入 CSV (text/csv, 默认 UTF-8, 可声明 charset=GBK / GB18030), 逐行流式处理; 相同行不重复, "
            + "变化的行更新, 错误行列在 rejected 中 (Accept: text/csv 时返回被拒绝行的 CSV 报告)")
    @PostMapping("/api/admin/invoices/import")
    ResponseEntity<?> importCsv(HttpServletRequest request) throws IOException {
        refuseCrossSite(request);
        Charset charset = charsetOf(request.getContentType());
        InvoiceImporter.ImportResult result;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(withoutBom(request.getInputStream(),
                charset), charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16)) {
            result = importer.importCsv(reader);
        }
        if (wantsCsv(request)) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header("Content-Disposition", "attachment; filename=\"rejected.csv\"")
                    .body(RejectedReport.csv(result));
        }
        return ResponseEntity.ok(result);
    }

    /**
     * Credentials a browser has cached must not let another site import: a cross-site request announces itself by
     * {@code Sec-Fetch-Site} or by an {@code Origin} other than this server; scripts (curl) send neither.
     */
    private static void refuseCrossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        boolean crossSite = site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none");
        String origin = request.getHeader("Origin");
        if (!crossSite && origin != null) {
            crossSite = !sameHost(origin, request.getHeader("Host"));
        }
        if (crossSite) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "不接受来自其他网站的导入请求。");
        }
    }

    private static boolean sameHost(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** Only {@code text/csv}: a form or {@code text/plain} body could be sent by any web page. */
    static Charset charsetOf(String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            type = null;
        }
        if (type == null || !"text".equalsIgnoreCase(type.getType()) || !"csv".equalsIgnoreCase(type.getSubtype())) {
            throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "请以 text/csv 上传发票 CSV 文件(默认 UTF-8,其他编码请声明,例如 text/csv; charset=GBK)。");
        }
        String declared = type.getParameter("charset");
        if (declared == null) {
            return StandardCharsets.UTF_8;
        }
        Charset charset = CHARSETS.get(declared.replace("\"", "").strip().toUpperCase(Locale.ROOT));
        if (charset == null) {
            throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "不支持的字符集 " + declared + ":请用 UTF-8、GBK 或 GB18030。");
        }
        return charset;
    }

    /** A UTF-8 byte order mark (as some spreadsheet programs write) is not part of the header. */
    private static InputStream withoutBom(InputStream in, Charset charset) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        if (charset.equals(StandardCharsets.UTF_8)) {
            buffered.mark(3);
            byte[] head = buffered.readNBytes(3);
            if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
                buffered.reset();
            }
        }
        return buffered;
    }

    private static boolean wantsCsv(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && MediaType.parseMediaTypes(accept).stream()
                .anyMatch(type -> "text".equals(type.getType()) && "csv".equals(type.getSubtype()));
    }
}
