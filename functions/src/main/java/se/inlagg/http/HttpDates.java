package se.inlagg.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;

/** HTTP-dates (RFC 9110, 5.6.7), as Last-Modified says them and If-Modified-Since and If-Unmodified-Since send them back. */
public final class HttpDates {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

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
    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
            .appendPattern("EEEE, dd-MMM-").appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
            .appendPattern(" HH:mm:ss 'GMT'").toFormatter(Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /**
     * An HTTP-date a client sent back, in any of its three forms (the IMF form; the JDK's RFC 1123 parser takes
     * one or two digits for the day). Anything else is none: RFC 9110 has a condition on such a date ignored.
     */
    public static Optional<Instant> parse(String value) {
        for (DateTimeFormatter form : new DateTimeFormatter[] {DateTimeFormatter.RFC_1123_DATE_TIME, RFC_850, ASCTIME}) {
            try {
                return Optional.of(ZonedDateTime.parse(value.strip(), form).toInstant());
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        return Optional.empty();
    }
}
