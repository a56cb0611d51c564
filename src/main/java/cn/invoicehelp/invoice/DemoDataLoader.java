package cn.invoicehelp.invoice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Collectors;
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

    @Override
    public void run(ApplicationArguments args) {
        if (properties.demoCount() <= 0 || invoices.count() > 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(InvoiceClock.BEIJING));
        String csv = Stream.concat(Stream.of(ImportRow.HEADER), Stream.concat(DemoInvoices.samples(today).stream(),
                        DemoInvoices.generate(properties.demoCount(), today, SEED)).map(DemoInvoices::csv))
                .collect(Collectors.joining("\n"));
        try {
            var result = importer.importCsv(new StringReader(csv));
            log.info("已生成演示发票 {} 张 (示例见 docs/invoice.md)", result.inserted());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
