package cn.invoicehelp.invoice.internal;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writing CSV that is opened in spreadsheets: a cell starting with = + - @ tab or CR would be run as a formula
 * (CSV injection), so such a cell gets a leading apostrophe; cells with separators, quotes or line breaks are quoted.
 */
final class CsvCells {

    private CsvCells() {
    }

    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    static String line(List<String> values) {
        return values.stream().map(CsvCells::cell).collect(Collectors.joining(",")) + "\r\n";
    }
}
