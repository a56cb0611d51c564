package cn.invoicehelp.invoice.internal;

import java.util.ArrayList;
import java.util.List;

/** The rejected lines of an import with the rows as read, to fix in a spreadsheet; no cell can run as a formula. */
public final class RejectedReport {

    private RejectedReport() {
    }

    public static String csv(InvoiceImporter.ImportResult result) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        List<String> header = new ArrayList<>(List.of("line", "reason"));
        header.addAll(List.of(ImportRow.HEADER.split(",")));
        csv.append(CsvCells.line(header));
        for (InvoiceImporter.Rejection rejection : result.rejected()) {
            List<String> cells = new ArrayList<>(List.of(String.valueOf(rejection.line()), rejection.reason()));
            cells.addAll(rejection.fields());
            csv.append(CsvCells.line(cells));
        }
        return csv.toString();
    }
}
