package cn.invoicehelp.invoice;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records one at a time (RFC 4180: quoted fields may hold commas, quotes and line breaks), so a file of
 * any size streams through with constant memory.
 */
final class CsvRecords {

    /** One record and the line it starts on (1-based, the header is line 1). */
    record Row(int line, List<String> fields) {
    }

    private final Reader reader;
    private int line = 1;
    private int pushedBack = -2;

    CsvRecords(Reader reader) {
        this.reader = reader;
    }

    /** The next record, or null at the end of the input; blank lines are skipped. */
    Row next() throws IOException {
        while (true) {
            int start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            int c;
            while ((c = read()) != -1) {
                any = true;
                if (quoted) {
                    if (c == '"') {
                        int after = read();
                        if (after == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            unread(after);
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n') {
                    line++;
                    break;
                } else if (c != '\r') {
                    field.append((char) c);
                }
            }
            if (!any) {
                return null;
            }
            fields.add(field.toString());
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            return new Row(start, fields);
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return reader.read();
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
