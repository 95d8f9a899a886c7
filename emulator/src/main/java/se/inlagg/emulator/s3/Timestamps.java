package se.inlagg.emulator.s3;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The two ways S3 writes a time: ISO 8601 with milliseconds in XML, the HTTP date in headers. */
final class Timestamps {

    private static final DateTimeFormatter XML = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    // RFC 1123's own formatter writes a one-digit day; HTTP dates have two.
    private static final DateTimeFormatter HTTP = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    static String xml(long millis) {
        return XML.format(Instant.ofEpochMilli(millis));
    }

    static String http(long millis) {
        return HTTP.format(Instant.ofEpochMilli(millis));
    }

    /** An HTTP date in milliseconds, or null when it is not one (S3 then ignores the header). */
    static Long parseHttp(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
