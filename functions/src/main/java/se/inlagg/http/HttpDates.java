package se.inlagg.http;

import java.time.Instant;
import java.time.LocalDateTime;
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

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private HttpDates() {
    }

    /**
     * An HTTP-date (RFC 9110, 5.6.7: "Sun, 06 Nov 1994 08:49:37 GMT"), written out here: a DateTimeFormatter's day and
     * month names load the JDK's locale data (some 50 classes of CLDR resources, in the cold start of every API answer
     * that says Last-Modified), for names HTTP fixes in English. (The JDK's RFC 1123 format also writes the day of the
     * month in one digit, "Wed, 2 Dec 2026", which HTTP does not allow and Go's client refuses.)
     */
    public static String format(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder date = new StringBuilder(29).append(DAYS[t.getDayOfWeek().ordinal()]).append(", ");
        digits(date, t.getDayOfMonth(), 2).append(' ').append(MONTHS[t.getMonthValue() - 1]).append(' ');
        digits(date, t.getYear(), 4).append(' ');
        digits(date, t.getHour(), 2).append(':');
        digits(date, t.getMinute(), 2).append(':');
        return digits(date, t.getSecond(), 2).append(" GMT").toString();
    }

    private static StringBuilder digits(StringBuilder to, int value, int width) {
        String written = Integer.toString(value);
        return to.repeat('0', Math.max(0, width - written.length())).append(written);
    }

    /**
     * An HTTP-date a client sent back, in any of its three forms (the IMF form; the JDK's RFC 1123 parser takes
     * one or two digits for the day). Anything else is none: RFC 9110 has a condition on such a date ignored.
     */
    public static Optional<Instant> parse(String value) {
        for (DateTimeFormatter form : new DateTimeFormatter[] {DateTimeFormatter.RFC_1123_DATE_TIME, Obsolete.RFC_850, Obsolete.ASCTIME}) {
            try {
                return Optional.of(ZonedDateTime.parse(value.strip(), form).toInstant());
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        return Optional.empty();
    }

    /**
     * The two obsolete forms of an HTTP-date a recipient must still read (RFC 9110, 5.6.7): RFC 850's and asctime's.
     * Built when a client first sends a date back, not with the answers that only write one.
     */
    private static final class Obsolete {

        static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
                .appendPattern("EEEE, dd-MMM-").appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
                .appendPattern(" HH:mm:ss 'GMT'").toFormatter(Locale.ENGLISH).withZone(ZoneOffset.UTC);
        static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH)
                .withZone(ZoneOffset.UTC);
    }
}
