package se.inlagg.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** HTTP-dates (RFC 9110, 5.6.7), as Last-Modified says them and If-Modified-Since and If-Unmodified-Since send them back. */
public final class HttpDates {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ENGLISH);

    private HttpDates() {
    }

    /**
     * An HTTP-date (RFC 9110, 5.6.7: "Sun, 06 Nov 1994 08:49:37 GMT"). The JDK's RFC 1123 format writes the day
     * of the month in one digit ("Wed, 2 Dec 2026"), which HTTP does not allow and Go's client refuses.
     */
    public static String format(Instant instant) {
        return HTTP_DATE.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** The two obsolete forms of an HTTP-date a recipient must still read (RFC 9110, 5.6.7): RFC 850's and asctime's. */
    private static final DateTimeFormatter RFC_850 = new java.time.format.DateTimeFormatterBuilder()
            .appendPattern("EEEE, dd-MMM-").appendValueReduced(java.time.temporal.ChronoField.YEAR, 2, 2, 1970)
            .appendPattern(" HH:mm:ss 'GMT'").toFormatter(java.util.Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", java.util.Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /**
     * An HTTP-date a client sent back, in any of its three forms (the IMF form; the JDK's RFC 1123 parser takes
     * one or two digits for the day). Anything else is none: RFC 9110 has a condition on such a date ignored.
     */
    public static java.util.Optional<Instant> parse(String value) {
        for (DateTimeFormatter form : new DateTimeFormatter[] {DateTimeFormatter.RFC_1123_DATE_TIME, RFC_850, ASCTIME}) {
            try {
                return java.util.Optional.of(java.time.ZonedDateTime.parse(value.strip(), form).toInstant());
            } catch (java.time.format.DateTimeParseException e) {
                // the next form
            }
        }
        return java.util.Optional.empty();
    }
}
