package cn.invoicehelp.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a request whose body is larger than allowed with 413 and a zh-CN message before anything reads the body:
 * a declared {@code Content-Length} over the limit is refused at once; a chunked body is counted as it is read and
 * stops at the limit. Runs before security and every other filter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@EnableConfigurationProperties(RequestLimits.class) // also in web slices, which pick up filters but no property scan
class RequestSizeLimit extends OncePerRequestFilter {

    static final String IMPORT_PATH = "/api/admin/invoices/import";

    private final RequestLimits limits;

    RequestSizeLimit(RequestLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = (IMPORT_PATH.equals(request.getRequestURI()) ? limits.maxImportBody() : limits.maxBody())
                .toBytes();
        if (request.getContentLengthLong() > limit) {
            tooLarge(response, limit);
            return;
        }
        CountedRequest counted = new CountedRequest(request, limit, response);
        // Once the body has run over, the 413 is the answer: whatever a handler makes of the cut-off body is dropped.
        GuardedResponse guarded = new GuardedResponse(response, counted);
        try {
            chain.doFilter(counted, guarded);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!counted.exceeded) {
                throw e;
            }
        }
    }

    static void tooLarge(HttpServletResponse response, long limit) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setHeader("Connection", "close");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"error\":\"请求内容太大,超过了 " + readable(limit) + " 的上限。\"}");
    }

    private static String readable(long bytes) {
        return bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? (bytes >> 20) + " MB"
                : bytes >= 1024 ? (bytes / 1024) + " KB" : bytes + " 字节";
    }

    /**
     * The request with a body that fails once more than {@code limit} bytes have been read; at that moment the 413 is
     * written and committed, before the handler can answer anything else.
     */
    private static final class CountedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private final HttpServletResponse response;
        private ServletInputStream stream;
        private BufferedReader reader;
        volatile boolean exceeded;

        CountedRequest(HttpServletRequest request, long limit, HttpServletResponse response) {
            super(request);
            this.limit = limit;
            this.response = response;
        }

        private void exceed() throws IOException {
            if (!exceeded) {
                exceeded = true;
                if (!response.isCommitted()) {
                    response.reset();
                    tooLarge(response, limit);
                    response.flushBuffer();
                }
            }
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                reader = new BufferedReader(new InputStreamReader(getInputStream(),
                        encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding)));
            }
            return reader;
        }

        private final class CountingStream extends ServletInputStream {

            private final ServletInputStream in;
            private long count;

            CountingStream(ServletInputStream in) {
                this.in = in;
            }

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    add(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                if (n > 0) {
                    add(n);
                }
                return n;
            }

            private void add(long n) throws IOException {
                count += n;
                if (count > limit) {
                    exceed();
                    throw new IOException("request body larger than " + limit + " bytes");
                }
            }

            @Override
            public boolean isFinished() {
                return in.isFinished();
            }

            @Override
            public boolean isReady() {
                return in.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
            }
        }
    }

    /** Passes everything through until the body ran over; from then on the handler's answer goes nowhere. */
    private static final class GuardedResponse extends HttpServletResponseWrapper {

        private final CountedRequest request;

        GuardedResponse(HttpServletResponse response, CountedRequest request) {
            super(response);
            this.request = request;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            return request.exceeded ? new Discard() : super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            return request.exceeded ? new PrintWriter(new Discard(), false, StandardCharsets.UTF_8)
                    : super.getWriter();
        }

        @Override
        public void setStatus(int status) {
            if (!request.exceeded) {
                super.setStatus(status);
            }
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (!request.exceeded) {
                super.sendError(status, message);
            }
        }

        @Override
        public void sendError(int status) throws IOException {
            if (!request.exceeded) {
                super.sendError(status);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (!request.exceeded) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!request.exceeded) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setContentType(String type) {
            if (!request.exceeded) {
                super.setContentType(type);
            }
        }

        @Override
        public void setContentLength(int length) {
            if (!request.exceeded) {
                super.setContentLength(length);
            }
        }

        @Override
        public void setContentLengthLong(long length) {
            if (!request.exceeded) {
                super.setContentLengthLong(length);
            }
        }

        @Override
        public void reset() {
            if (!request.exceeded) {
                super.reset();
            }
        }

        @Override
        public void resetBuffer() {
            if (!request.exceeded) {
                super.resetBuffer();
            }
        }
    }

    private static final class Discard extends ServletOutputStream {

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
        }
    }
}
