package se.inlagg.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HttpDatesTest {

    /** RFC 9110's own example, and a day of the month below ten, which the JDK's RFC 1123 format writes in one digit. */
    @Test
    void anHttpDateHasTheDayInTwoDigitsAndEnglishNames() {
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDates.format(Instant.parse("1994-11-06T08:49:37Z")));
        assertEquals("Wed, 02 Dec 2026 15:58:57 GMT", HttpDates.format(Instant.parse("2026-12-02T15:58:57.123Z")));
    }

    /**
     * Written out by hand, an HTTP-date is the one the JDK's formatter with HTTP's pattern writes, on every day of the
     * week and month of the years a post may have (1 to 9999), at each end of a day and of a year.
     */
    @Test
    void anHttpDateIsTheOneTheJdkWritesForAnyTimeAPostMayHave() {
        DateTimeFormatter http = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
        Random random = new Random(2026);
        long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        List<Instant> times = new ArrayList<>(List.of(Instant.ofEpochSecond(first), Instant.ofEpochSecond(last),
                Instant.parse("2024-02-29T23:59:59Z"), Instant.parse("2026-12-31T23:59:59.999Z"), Instant.parse("0999-06-09T09:09:09Z")));
        random.longs(2_000, first, last).mapToObj(Instant::ofEpochSecond).forEach(times::add);
        for (Instant t : times) {
            assertEquals(http.format(t), HttpDates.format(t), t.toString());
        }
    }

    @Test
    void anHttpDateIsReadBackAndAnythingElseIsNone() {
        assertEquals(Optional.of(Instant.parse("1994-11-06T08:49:37Z")), HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT"));
        assertEquals(Optional.of(Instant.parse("1994-11-06T08:49:37Z")), HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT"));
        assertEquals(Optional.of(Instant.parse("1994-11-06T08:49:37Z")), HttpDates.parse("Sun Nov  6 08:49:37 1994"));
        assertEquals(Optional.empty(), HttpDates.parse("igår"));
        assertEquals(Optional.empty(), HttpDates.parse(""));
    }
}
