package cn.invoicehelp.invoice.internal;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

/**
 * Reads CSV records one at a time with Apache Commons CSV (RFC 4180: quoted fields may hold commas, quotes and line
 * breaks), so a file of any size streams through with constant memory, and tells the file lines each record covers.
 * A quote that is never closed swallows the rest of the file into one field: that is reported as a {@link Row} with
 * {@code unterminatedQuote} set and the range of lines it swallowed, never dropped silently.
 */
final class CsvRecords {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .setTrailingData(true) // "abc"def reads as abcdef, as spreadsheets write it
            .get();

    /**
     * One record and the file lines it covers (1-based, the header is line 1); {@code lastLine > line} when a quoted
     * field holds line breaks, or when an unclosed quote ran to the end of the file.
     */
    record Row(int line, int lastLine, List<String> fields, boolean unterminatedQuote) {
    }

    private final EndTrackingReader input;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private boolean failed;

    CsvRecords(Reader reader) throws IOException {
        this.input = new EndTrackingReader(reader);
        this.parser = CSVParser.parse(input, FORMAT);
        this.records = parser.iterator();
    }

    /** The next record, or null at the end of the input; blank lines are skipped. */
    Row next() {
        while (!failed) {
            int start = (int) parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException unclosed) {
                // Commons CSV gives up at the end of the file inside a quoted field.
                failed = true;
                int last = (int) parser.getCurrentLineNumber() + (input.endsWithLineBreak() ? 0 : 1);
                return new Row(start, Math.max(start, last), List.of(), true);
            }
            List<String> fields = record.toList();
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            return new Row(start, start + lineBreaks(fields), fields, false);
        }
        return null;
    }

    private static int lineBreaks(List<String> fields) {
        int breaks = 0;
        for (String field : fields) {
            for (int i = 0; i < field.length(); i++) {
                char c = field.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == field.length() || field.charAt(i + 1) != '\n'))) {
                    breaks++;
                }
            }
        }
        return breaks;
    }

    /** Remembers whether the input's last character was a line break (to number the last line of the file). */
    private static final class EndTrackingReader extends FilterReader {

        private int last = -1;

        EndTrackingReader(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                last = c;
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                last = buffer[offset + n - 1];
            }
            return n;
        }

        boolean endsWithLineBreak() {
            return last == '\n' || last == '\r';
        }
    }
}
