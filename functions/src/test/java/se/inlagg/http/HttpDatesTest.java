package se.inlagg.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpDatesTest {

    /** RFC 9110's own example, and a day of the month below ten, which the JDK's RFC 1123 format writes in one digit. */
    @Test
    void anHttpDateHasTheDayInTwoDigitsAndEnglishNames() {
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDates.format(Instant.parse("1994-11-06T08:49:37Z")));
        assertEquals("Wed, 02 Dec 2026 15:58:57 GMT", HttpDates.format(Instant.parse("2026-12-02T15:58:57.123Z")));
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
