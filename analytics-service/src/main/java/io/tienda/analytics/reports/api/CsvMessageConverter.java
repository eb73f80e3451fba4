package io.tienda.analytics.reports.api;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a {@link CsvTable} as RFC 4180 CSV in UTF-8: a header line, CRLF line ends, fields quoted
 * when they hold a comma, a quote or a line break. A field starting with = + - @ is prefixed with
 * a quote mark so a spreadsheet does not run it as a formula (names come from the catalog).
 */
@Component
class CsvMessageConverter extends AbstractHttpMessageConverter<CsvTable> {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    CsvMessageConverter() {
        super(StandardCharsets.UTF_8, TEXT_CSV);
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return CsvTable.class.isAssignableFrom(clazz);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected CsvTable readInternal(Class<? extends CsvTable> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV is only written", input);
    }

    @Override
    protected void writeInternal(CsvTable table, HttpOutputMessage output) throws IOException {
        Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
        line(writer, List.copyOf(table.csvHeader()));
        for (List<Object> row : table.csvRows()) {
            line(writer, row);
        }
        writer.flush();
    }

    private static void line(Writer writer, List<?> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(field(fields.get(i)));
        }
        writer.write("\r\n");
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
