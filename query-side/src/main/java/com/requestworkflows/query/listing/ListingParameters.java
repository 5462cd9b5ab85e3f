package com.requestworkflows.query.listing;

import com.requestworkflows.api.error.InvalidRequestException;
import org.springframework.data.domain.Sort;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Parses the query parameters shared by the listings, naming the parameter in every refusal. Parameters arrive as
 * text so that a wrong value is reported precisely rather than as a binding failure.
 */
public final class ListingParameters {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 200;

    private ListingParameters() {
    }

    public record Paging(int page, int size) {

        public long offset() {
            return (long) page * size;
        }
    }

    public static Paging paging(String page, String size) {
        int pageNumber = page == null ? 0 : (int) wholeNumber("page", page, 0, Integer.MAX_VALUE);
        int pageSize = size == null ? DEFAULT_PAGE_SIZE : (int) wholeNumber("size", size, 1, MAX_PAGE_SIZE);
        return new Paging(pageNumber, pageSize);
    }

    public static Long userId(String name, String value) {
        return value == null ? null : wholeNumber(name, value, 0, Long.MAX_VALUE);
    }

    /** An instant as ISO-8601 ({@code 2024-02-03T10:15:30Z}), a date ({@code 2024-02-03}, UTC) or epoch millis. */
    public static Long from(String value) {
        return value == null ? null : instant("from", value, false);
    }

    /** Like {@link #from}; a plain date here includes the whole day. */
    public static Long to(String value) {
        return value == null ? null : instant("to", value, true);
    }

    /** {@code field} or {@code field,asc|desc}, the field one of {@code allowed}. */
    public static Sort sort(String value, List<String> allowed, Sort fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String[] parts = value.split(",", -1);
        if (parts.length > 2 || !allowed.contains(parts[0].trim())) {
            throw new InvalidRequestException("sort", "must be one of " + allowed + ", optionally followed by ,asc or ,desc");
        }
        Sort.Direction direction = Sort.Direction.ASC;
        if (parts.length == 2) {
            direction = Sort.Direction.fromOptionalString(parts[1].trim())
                    .orElseThrow(() -> new InvalidRequestException("sort", "direction must be asc or desc"));
        }
        return Sort.by(direction, parts[0].trim());
    }

    private static long wholeNumber(String name, String value, long min, long max) {
        try {
            long number = Long.parseLong(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new InvalidRequestException(name, "must be a whole number from " + min + " to " + max);
    }

    private static long instant(String name, String value, boolean endOfDay) {
        String text = value.trim();
        try {
            if (text.matches("\\d{1,15}")) {
                return Long.parseLong(text);
            }
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate date = LocalDate.parse(text);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()
                        - (endOfDay ? 1 : 0);
            }
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new InvalidRequestException(name,
                    "must be an ISO-8601 instant (2024-02-03T10:15:30Z), a date (yyyy-MM-dd) or epoch milliseconds");
        }
    }
}
