package se.inlagg.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SiteTimeTest {

    final SiteTime stockholm = new SiteTime(ZoneId.of("Europe/Stockholm"),
            Clock.fixed(Instant.parse("2026-11-22T06:16:30.750Z"), ZoneId.of("UTC")));

    @Test
    void aDateAloneIsMidnightInTheSitesZone() {
        assertEquals(Optional.of(Instant.parse("2019-01-29T23:00:00Z")), stockholm.parse("2019-01-30"));
        assertEquals(Optional.of(Instant.parse("2019-06-29T22:00:00Z")), stockholm.parse("2019-06-30"), "summer time");
    }

    @Test
    void timesWithAndWithoutOffsetAreRead() {
        assertEquals(Optional.of(Instant.parse("2019-01-30T08:15:00Z")), stockholm.parse("2019-01-30T09:15"));
        // As the site shows a date, copied back into the form.
        assertEquals(Optional.of(Instant.parse("2019-01-29T23:00:00Z")), stockholm.parse("30 januari 2019"));
        assertEquals(Optional.of(Instant.parse("2031-06-01T07:15:00Z")), stockholm.parse("1 juni 2031 kl. 09:15"));
        assertEquals(Optional.of(Instant.parse("2031-06-01T07:15:00Z")), stockholm.parse(" 1 Juni 2031 kl 9.15 "));
        assertEquals(Optional.of(Instant.parse("2026-12-24T14:00:00Z")), stockholm.parse("2026-12-24 15.00"), "Språkrådet's time");
        assertEquals(Optional.of(Instant.parse("2026-12-24T14:00:00Z")), stockholm.parse("2026-12-24 kl. 15:00"));
        assertEquals(Optional.of(Instant.parse("2026-12-24T08:05:00Z")), stockholm.parse("2026-12-24 kl 9.05"));
        assertEquals(Optional.empty(), stockholm.parse("2026-12-24 kl. 25.00"));
        assertEquals(Optional.empty(), stockholm.parse("31 februari 2019"));
        // The month shortened, as Swedish shortens it ("24 dec 2026 15:00").
        assertEquals(Optional.of(Instant.parse("2019-01-29T23:00:00Z")), stockholm.parse("30 jan 2019"));
        assertEquals(Optional.of(Instant.parse("2026-12-24T14:00:00Z")), stockholm.parse("24 dec. 2026 kl. 15:00"));
        assertEquals(Optional.of(Instant.parse("2026-12-24T14:00:00Z")), stockholm.parse("24 Dec 2026, 15.00"));
        assertEquals(Optional.of(Instant.parse("2026-08-31T22:00:00Z")), stockholm.parse("1 sept 2026"));
        assertEquals(Optional.of(Instant.parse("2026-08-31T22:00:00Z")), stockholm.parse("1 sep. 2026"));
        assertEquals(Optional.of(Instant.parse("2026-10-02T22:00:00Z")), stockholm.parse("3 okt 2026"));
        assertEquals(Optional.of(Instant.parse("2026-03-02T23:00:00Z")), stockholm.parse("3 mar 2026"));
        assertEquals(Optional.of(Instant.parse("2026-07-02T22:00:00Z")), stockholm.parse("3 jul 2026"));
        assertEquals(Optional.of(Instant.parse("2026-06-02T22:00:00Z")), stockholm.parse("3 jun 2026"));
        assertEquals(Optional.of(Instant.parse("2026-02-02T23:00:00Z")), stockholm.parse("3 febr. 2026"), "Språkrådet's February");
        for (String loose : List.of("30 ja 2019", "30 janu 2019", "30 dec.. 2019", "30 oct 2019", "30 may 2019", "30 maj. 2019")) {
            assertEquals(Optional.empty(), stockholm.parse(loose), loose);
        }
        assertEquals(Optional.empty(), stockholm.parse("1 juni 31"), "a year in four digits (from a review: it was year 31)");
        assertEquals(Optional.empty(), stockholm.parse("1 juni 2031 kl. 25:00"));
        // As people type it: a space where ISO 8601 has its T.
        assertEquals(Optional.of(Instant.parse("2019-01-30T08:15:00Z")), stockholm.parse("2019-01-30 09:15"));
        assertEquals(Optional.of(Instant.parse("2019-01-30T08:15:00Z")), stockholm.parse("2019-01-30  09:15+01:00"));
        assertEquals(Optional.of(Instant.parse("2019-01-30T08:15:00Z")), stockholm.parse("2019-01-30T09:15:00+01:00"));
        assertEquals(Optional.of(Instant.parse("2019-01-30T09:15:00Z")), stockholm.parse("2019-01-30T09:15:00.999Z"));
        // RFC 3339 lets both letters be lower case, "t" and "z" alike.
        assertEquals(Optional.of(Instant.parse("2019-01-30T09:15:00Z")), stockholm.parse("2019-01-30t09:15z"));
        assertEquals(Optional.of(Instant.parse("2019-01-30T09:15:00Z")), stockholm.parse("2019-01-30T09:15:00z"));
    }

    /** A time with an offset west of UTC, as a client in New York sends it, is the instant it names, as one east of UTC is. */
    @Test
    void aTimeWithAnOffsetWestOfUtcIsTheInstantItNames() {
        assertEquals(Optional.of(Instant.parse("2019-01-30T14:15:00Z")), stockholm.parse("2019-01-30T09:15:00-05:00"));
        assertEquals(Optional.of(Instant.parse("2019-01-30T14:15:00Z")), stockholm.parse("2019-01-30 09:15-05:00"));
    }

    /** "Kl." with a capital, as a time is copied from a heading or a line's start, is read as "kl." is. */
    @Test
    void klWithACapitalIsReadAsKl() {
        assertEquals(Optional.of(Instant.parse("2026-12-24T14:00:00Z")), stockholm.parse("2026-12-24 Kl. 15.00"));
        assertEquals(Optional.of(Instant.parse("2026-12-24T14:00:00Z")), stockholm.parse("2026-12-24 KL 15:00"));
    }

    @Test
    void impossibleDatesAndNonsenseAreRefused() {
        assertTrue(stockholm.parse("2019-02-30").isEmpty());
        assertTrue(stockholm.parse("2019-13-01").isEmpty());
        assertTrue(stockholm.parse("igår").isEmpty());
        // Letters a case-blind match takes for a month's ASCII ones (the first would throw, a 500).
        for (String typed : List.of("1 ſeptember 2026", "1 ſept. 2026 kl. 10:00")) {
            assertInstanceOf(SiteTime.Reading.Unreadable.class, stockholm.read(typed), typed);
        }
        assertTrue(stockholm.parse("2019-01-30T25:00").isEmpty());
        assertTrue(SiteTime.parseMonth("2019-13").isEmpty());
        assertEquals(Optional.of(YearMonth.of(2019, 1)), SiteTime.parseMonth("2019-01"));
    }

    /** "2027-02-29" is a day its month lacks, not "no date" with the very form typed as the example, which says nothing. */
    @Test
    void aDayItsMonthLacksSaysSo() {
        for (String typed : List.of("2027-02-29", "2027-02-29 15:00", "2027-02-29T15:00:00+01:00", "2027-02-29 kl. 15.00", "29 februari 2027",
                "29 feb. 2027 kl. 15:00", "29 febr 2027", " 29 Februari 2027 ", "2027-02-29 02:30 (vintertid)", "29 februari 2027 kl. 12:00 (vintertid)")) {
            var missing = assertInstanceOf(SiteTime.Reading.NoSuchDay.class, stockholm.read(typed), typed);
            assertEquals(List.of(YearMonth.of(2027, 2), 29), List.of(missing.month(), missing.day()), typed);
            assertEquals("2027-02-29 does not exist: 2027-02 has 28 days", missing.english());
        }
        assertEquals("2026-04-31 does not exist: 2026-04 has 30 days",
                assertInstanceOf(SiteTime.Reading.NoSuchDay.class, stockholm.read("31 april 2026")).english());
        assertEquals(Optional.of(Instant.parse("2028-02-28T23:00:00Z")), stockholm.parse("2028-02-29"), "a leap year has it");
        for (String nonsense : List.of("2027-02-32", "2027-13-01", "2027-00-10", "2027-02-00", "0000-02-30", "32 januari 2027", "2027-02-29x", "29 februari 2027 kl. 25:00", "2027-02-29T25:00")) {
            assertInstanceOf(SiteTime.Reading.Unreadable.class, stockholm.read(nonsense), nonsense);
        }
    }

    @Test
    void timesOutsideTheYearsOneTo9999AreRefused() {
        // 10000-01-01T00:00 here is 9999-12-31T23:00Z: its month would be "+10000-01", which no month reads back as.
        assertTrue(stockholm.parse("+10000-01-01T00:00").isEmpty());
        assertTrue(stockholm.parse("+99999-01-01T00:00").isEmpty());
        assertTrue(stockholm.parse("+10000-01-01T00:00:00Z").isEmpty());
        assertTrue(stockholm.parse("-0001-06-01T12:00").isEmpty());
        assertTrue(stockholm.parse("0000-06-01T12:00").isEmpty());
        assertEquals(Optional.of(Instant.parse("9999-12-31T22:59:59Z")), stockholm.parse("9999-12-31T23:59:59"));
        // Midnight of year 1 here is still year 0 in UTC (Stockholm's mean solar time then, +00:53:28), which Python's and
        // .NET's dates cannot hold: refused, and an hour later is year 1 in both.
        assertTrue(stockholm.parse("0001-01-01").isEmpty());
        assertTrue(stockholm.parse("0001-01-01T00:30").isEmpty(), "year 0 in UTC too");
        assertEquals(Optional.of(Instant.parse("0001-01-01T00:06:32Z")), stockholm.parse("0001-01-01T01:00"));
        assertTrue(SiteTime.parseMonth("-0001-01").isEmpty());
        assertTrue(SiteTime.parseMonth("+10000-01").isEmpty());
        assertTrue(SiteTime.parseMonth("0000-01").isEmpty());
        assertEquals(Optional.of(YearMonth.of(9999, 12)), SiteTime.parseMonth("9999-12"));
        assertEquals(Optional.of(YearMonth.of(1, 1)), SiteTime.parseMonth("0001-01"));
    }

    /**
     * 02:30 on the day summer time begins, when Stockholm's clocks go from 02:00 to 03:00, is not saved as 03:30 without
     * a word. It names no instant, and says why; with an offset it is one, as it stands.
     */
    @Test
    void aTimeTheClocksSkipIsNoTimeAndSaysWhy() {
        for (String typed : List.of("2026-03-29 02:30", "2026-03-29T02:30", "29 mars 2026 kl. 02:30", "2026-03-29 kl. 2.30")) {
            var skipped = assertInstanceOf(SiteTime.Reading.Skipped.class, stockholm.read(typed), typed);
            assertEquals(LocalDateTime.of(2026, 3, 29, 2, 30), skipped.typed());
            assertEquals(LocalTime.of(2, 0), skipped.from());
            assertEquals(LocalTime.of(3, 0), skipped.to());
            assertEquals(Optional.empty(), stockholm.parse(typed), typed);
        }
        assertEquals("does not exist in Europe/Stockholm: on 2026-03-29 the clocks go forward from 02:00 to 03:00, so 02:30:15 never comes; "
                + "choose another time, or give an offset", ((SiteTime.Reading.Skipped) stockholm.read("2026-03-29T02:30:15")).english());
        assertInstanceOf(SiteTime.Reading.Skipped.class, stockholm.read("2026-03-29 02:00"), "the first minute skipped");
        assertEquals(Optional.of(Instant.parse("2026-03-29T00:59:00Z")), stockholm.parse("2026-03-29 01:59"), "the minute before");
        assertEquals(Optional.of(Instant.parse("2026-03-29T01:00:00Z")), stockholm.parse("2026-03-29 03:00"), "the clocks' next minute");
        assertEquals(Optional.of(Instant.parse("2026-03-29T01:30:00Z")), stockholm.parse("2026-03-29T02:30+01:00"), "an instant, as written");
        assertEquals(Optional.of(Instant.parse("2026-03-29T02:30:00Z")), stockholm.parse("2026-03-29T02:30Z"));
        assertEquals(Optional.of(Instant.parse("2026-03-28T23:00:00Z")), stockholm.parse("2026-03-29"), "midnight is no trouble");
        assertInstanceOf(SiteTime.Reading.NoSuchDay.class, stockholm.read("2026-02-30 02:30"), "a day February lacks says so, not the clocks");
    }

    /**
     * 02:30 on the night summer time ends comes twice. Typed alone it is the first (summer time, +02:00), as java.time and
     * calendars take it; "(vintertid)", as the site shows the second, names that one, and a season word has to be the time's.
     */
    @Test
    void aTimeTheClockShowsTwiceIsTheFirstUnlessTheSecondIsNamed() {
        Instant first = Instant.parse("2026-10-25T00:30:00Z");
        Instant second = Instant.parse("2026-10-25T01:30:00Z");
        assertEquals(Optional.of(first), stockholm.parse("2026-10-25 02:30"));
        assertEquals(Optional.of(first), stockholm.parse("2026-10-25 02:30 (sommartid)"));
        assertEquals(Optional.of(second), stockholm.parse("2026-10-25 02:30 (vintertid)"));
        assertEquals(Optional.of(second), stockholm.parse("25 oktober 2026 kl. 2.30 (vintertid)"), "as the site shows it");
        assertEquals(Optional.of(second), stockholm.parse("25 oktober 2026 kl. 02:30 (vintertid)"), "as the site showed it before 2026-12-05");
        assertEquals(Optional.of(second), stockholm.parse("2026-10-25T02:30 (normaltid)"), "winter time's official name");
        assertEquals(Optional.of(second), stockholm.parse("2026-10-25T02:30+01:00"));
        assertEquals(Optional.of(Instant.parse("2026-07-01T10:00:00Z")), stockholm.parse("2026-07-01 12:00 (sommartid)"));
        assertInstanceOf(SiteTime.Reading.Unreadable.class, stockholm.read("2026-10-25T02:30+01:00 (sommartid)"), "an offset says it already");
        assertInstanceOf(SiteTime.Reading.Unreadable.class, stockholm.read("2026-10-25 (vintertid)"));
        // The same date as the site writes it, with a season word, which names no time there either.
        assertInstanceOf(SiteTime.Reading.Unreadable.class, stockholm.read("25 oktober 2026 (vintertid)"));
        assertInstanceOf(SiteTime.Reading.Unreadable.class, stockholm.read("30 januari 2019 (vintertid)"));
        assertEquals(Optional.of(Instant.parse("2019-01-29T23:00:00Z")), stockholm.parse("30 januari 2019 kl. 00:00 (vintertid)"),
                "midnight written out is a time");
        assertEquals(Optional.of(Instant.parse("2019-01-29T23:00:00Z")), stockholm.parse("30 januari 2019"));
    }

    /** "02:30vintertid", "02:30 (sommartid" and "02:30 Normaltid" are not read: spellings no page shows. */
    @Test
    void onlyASeasonWordAsThePagesShowItIsRead() {
        for (String loose : List.of("2026-10-25T02:30vintertid", "2026-10-25T02:30 vintertid", "2026-10-25T02:30 (sommartid",
                "2026-10-25T02:30 sommartid)", "2026-10-25T02:30  (vintertid)", "2026-10-25T02:30(vintertid)", "2026-10-25T02:30 ( vintertid )",
                "2026-10-25T02:30 (Vintertid)", "2026-10-25T02:30 Normaltid")) {
            assertInstanceOf(SiteTime.Reading.Unreadable.class, stockholm.read(loose), loose);
        }
    }

    /** "(vintertid)" of a July time is no "no real date", of a real date: it says which season the time is. */
    @Test
    void aSeasonWordThatIsNotTheTimesSaysSo() {
        var july = assertInstanceOf(SiteTime.Reading.OtherSeason.class, stockholm.read("2026-07-01 12:00 (vintertid)"));
        assertEquals("2026-07-01T12:00 is sommartid (summer time) in Europe/Stockholm, not vintertid; the clocks show it once: "
                + "leave out \"(vintertid)\", or give an offset", july.english());
        var january = assertInstanceOf(SiteTime.Reading.OtherSeason.class, stockholm.read("15 januari 2027 kl. 09:15 (sommartid)"));
        assertEquals(List.of(LocalDateTime.of(2027, 1, 15, 9, 15), "sommartid", "vintertid"),
                List.of(january.typed(), january.said(), january.is()));
        assertEquals("normaltid", ((SiteTime.Reading.OtherSeason) stockholm.read("2026-07-01T12:00 (normaltid)")).said());
        assertEquals(Optional.of(Instant.parse("2027-01-15T08:15:00Z")), stockholm.parse("2027-01-15 09:15 (normaltid)"), "its own season");
        assertInstanceOf(SiteTime.Reading.Skipped.class, stockholm.read("2026-03-29 02:30 (vintertid)"), "no season has a skipped time");
    }

    @Test
    void monthsAreTheSitesCalendarMonths() {
        assertEquals(Instant.parse("2019-01-31T23:00:00Z"), stockholm.startOf(YearMonth.of(2019, 2)));
        assertEquals(Instant.parse("2019-02-28T22:59:59Z"), stockholm.lastSecondOf(YearMonth.of(2019, 2)));
        // What the archive asks the table for (DynamoPostRepository): a time late on 31 January in UTC is February's here.
        Instant late = Instant.parse("2019-01-31T23:30:00Z");
        assertTrue(!late.isBefore(stockholm.startOf(YearMonth.of(2019, 2))) && !late.isAfter(stockholm.lastSecondOf(YearMonth.of(2019, 2))));
    }

    @Test
    void storedTimesAreUtcToTheSecondSoTheySortAsText() {
        assertEquals(Instant.parse("2026-11-22T06:16:30Z"), stockholm.now());
        assertEquals("2019-01-29T23:00:00Z", SiteTime.format(Instant.parse("2019-01-29T23:00:00.600Z")));
        assertTrue(SiteTime.format(Instant.parse("2019-12-31T23:59:59Z")).compareTo(SiteTime.format(Instant.parse("2020-01-01T00:00:00Z"))) < 0);
    }

    /**
     * The site's zone is a setting (SiteTimeZone). Where the clocks go forward at midnight (America/Santiago on 6 September
     * 2026, Asia/Beirut on 29 March 2026), a date alone is the day's first moment typed as "2026-09-06", and so it must be
     * typed as the pages write it, "6 september 2026" (copied from a post): it was refused as "Kl. 0.00 finns inte …", a
     * time the author never typed (a dates probe).
     */
    @Test
    void aDayWrittenInSwedishIsTheSameDayAsItsIsoFormWhereMidnightIsSkipped() {
        for (String[] zoneAndDay : new String[][] {
            {"America/Santiago", "2026-09-06", "6 september 2026", "2026-09-06T04:00:00Z"},
            {"Asia/Beirut", "2026-03-29", "29 mars 2026", "2026-03-28T22:00:00Z"},
        }) {
            SiteTime site = new SiteTime(ZoneId.of(zoneAndDay[0]), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneId.of("UTC")));
            assertEquals(Optional.of(Instant.parse(zoneAndDay[3])), site.parse(zoneAndDay[1]), zoneAndDay[1] + " in " + zoneAndDay[0]);
            assertEquals(Optional.of(Instant.parse(zoneAndDay[3])), site.parse(zoneAndDay[2]),
                    "\"" + zoneAndDay[2] + "\" in " + zoneAndDay[0] + ", read as " + site.read(zoneAndDay[2]));
        }
    }
}
