package com.requestworkflows.query.export;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV exports (RFC 4180): a header row, then one row per record. Cells that a spreadsheet would run as a formula
 * ({@code =}, {@code +}, {@code -}, {@code @} first) are prefixed with an apostrophe, since exported data may come
 * from requests.
 */
public final class Csv {

    public static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private Csv() {
    }

    public static String of(List<String> header, List<List<Object>> rows) {
        StringBuilder csv = new StringBuilder(line(List.copyOf(header)));
        rows.forEach(row -> csv.append(line(row)));
        return csv.toString();
    }

    /** Only an explicit {@code text/csv} selects CSV; anything else (no header, wildcards) gets JSON. */
    public static boolean isAskedFor(String accept) {
        try {
            return accept != null && MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> !type.isWildcardSubtype() && type.isCompatibleWith(TEXT_CSV));
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    /** The export as a download named {@code filename}. */
    public static ResponseEntity<String> download(String filename, String csv) {
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename).build().toString())
                .body(csv);
    }

    private static String line(List<?> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && !(value instanceof Number) && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quoted = text.chars().anyMatch(c -> c == '"' || c == ',' || c == '\r' || c == '\n');
        return quoted ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
