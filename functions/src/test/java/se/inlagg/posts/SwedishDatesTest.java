package se.inlagg.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SwedishDatesTest {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    @Test
    void datesReadAsSwedishReadersWriteThemInTheSitesZone() {
        assertEquals("30 januari 2019", SwedishDates.date(Instant.parse("2019-01-29T23:00:00Z"), STOCKHOLM));
        assertEquals("1 december 2026 kl. 9.05", SwedishDates.dateTime(Instant.parse("2026-12-01T08:05:00Z"), STOCKHOLM));
        assertEquals("Maj 2024", SwedishDates.month(YearMonth.of(2024, 5)));
    }

    /** The hour the clocks are put back comes twice: the time says which, and only then (else both read alike). */
    @Test
    void aTimeShownTwiceSaysWhichItIs() {
        assertEquals("25 oktober 2026 kl. 2.30 (sommartid)", SwedishDates.dateTime(Instant.parse("2026-10-25T00:30:00Z"), STOCKHOLM));
        assertEquals("25 oktober 2026 kl. 2.30 (vintertid)", SwedishDates.dateTime(Instant.parse("2026-10-25T01:30:00Z"), STOCKHOLM));
        assertEquals("25 oktober 2026 kl. 1.59", SwedishDates.dateTime(Instant.parse("2026-10-24T23:59:00Z"), STOCKHOLM));
        assertEquals("25 oktober 2026 kl. 3.00", SwedishDates.dateTime(Instant.parse("2026-10-25T02:00:00Z"), STOCKHOLM));
        assertEquals("29 mars 2026 kl. 3.00", SwedishDates.dateTime(Instant.parse("2026-03-29T01:00:00Z"), STOCKHOLM));
        assertEquals("29 mars 2026", SwedishDates.date(LocalDate.of(2026, 3, 29)));
        // On its own too, as the picture form says when it runs out (not "kl. 2.10" either way).
        assertEquals("2.10 (sommartid)", SwedishDates.timeOfDay(Instant.parse("2026-10-25T00:10:00Z"), STOCKHOLM));
        assertEquals("2.10 (vintertid)", SwedishDates.timeOfDay(Instant.parse("2026-10-25T01:10:00Z"), STOCKHOLM));
        assertEquals("15.32", SwedishDates.timeOfDay(Instant.parse("2026-12-01T14:32:00Z"), STOCKHOLM));
    }

    /** A time as the pages write it, copied into a form, is read back as that very time (the season word included). */
    @Test
    void aTimeAsThePagesWriteItReadsBackAsItself() {
        SiteTime site = new SiteTime(STOCKHOLM, Clock.systemUTC());
        for (String at : List.of("2026-12-01T08:05:00Z", "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z", "2026-03-29T01:00:00Z",
                "2026-07-01T21:59:00Z")) {
            Instant instant = Instant.parse(at);
            assertEquals(Optional.of(instant), site.parse(SwedishDates.dateTime(instant, STOCKHOLM)), SwedishDates.dateTime(instant, STOCKHOLM));
        }
    }

    @Test
    void everyMonthIsNamedAsTheJdksSwedishLocaleNamesIt() {
        DateTimeFormatter jdk = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("sv"));
        for (int m = 1; m <= 12; m++) {
            Instant instant = Instant.parse("2019-%02d-15T12:00:00Z".formatted(m));
            assertEquals(jdk.format(instant.atZone(STOCKHOLM)), SwedishDates.date(instant, STOCKHOLM));
        }
    }

    /** Every minute of an hour is written with two digits, as a Swedish clock shows it ("10.09", not "10.9", a tenth past). */
    @Test
    void everyMinuteIsWrittenWithTwoDigits() {
        DateTimeFormatter clock = DateTimeFormatter.ofPattern("H.mm", Locale.forLanguageTag("sv"));
        for (int minute = 0; minute < 60; minute++) {
            Instant instant = Instant.parse("2026-12-01T09:%02d:00Z".formatted(minute));
            assertEquals(clock.format(instant.atZone(STOCKHOLM)), SwedishDates.timeOfDay(instant, STOCKHOLM));
        }
    }
}
