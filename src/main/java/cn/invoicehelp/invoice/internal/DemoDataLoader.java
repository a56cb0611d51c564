package cn.invoicehelp.invoice.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.BufferedWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Stream;

/** Fills an empty directory with demo invoices on first start, so the embedded default can be tried at once. */
@Component
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final long SEED = 20_241_220L;

    private final Invoices invoices;
    private final InvoiceImporter importer;
    private final InvoiceProperties properties;
    private final Clock clock;

    DemoDataLoader(Invoices invoices, InvoiceImporter importer, InvoiceProperties properties, Clock clock) {
        this.invoices = invoices;
        this.importer = importer;
        this.properties = properties;
        this.clock = clock;
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log.debug("could not delete {}", file, e);
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.demoCount() <= 0 || invoices.count() > 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(InvoiceClock.BEIJING));
        // Through a temporary file and the normal importer: any demo-count streams with flat memory.
        Path csv = null;
        try {
            csv = Files.createTempFile("demo-invoices", ".csv");
            try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                out.write(ImportRow.HEADER);
                for (ImportRow row : (Iterable<ImportRow>) Stream.concat(DemoInvoices.samples(today).stream(),
                        DemoInvoices.generate(properties.demoCount(), today, SEED))::iterator) {
                    out.newLine();
                    out.write(DemoInvoices.csv(row));
                }
            }
            try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                log.info("已生成演示发票 {} 张 (示例见 docs/invoice.md)", importer.importCsv(in).inserted());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(csv);
        }
    }
}
