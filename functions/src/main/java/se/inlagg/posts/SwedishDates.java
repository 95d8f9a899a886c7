package se.inlagg.posts;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as Swedish readers write them: "30 januari 2019", "30 januari 2019 kl. 9.15", "Januari
 * 2019". Twelve month names, written here rather than looked up: a formatter with a Swedish locale
 * loads the JDK's CLDR locale data on first use, on every cold start (docs/PERFORMANCE.md).
 */
public final class SwedishDates {

    private static final String[] MONTHS = {"januari", "februari", "mars", "april", "maj", "juni", "juli",
        "augusti", "september", "oktober", "november", "december"};

    private SwedishDates() {
    }

    /** What Swedish calls daylight saving time, and the time the rest of the year ("normaltid" is read too). */
    public static final String SUMMER_TIME = "sommartid";
    public static final String WINTER_TIME = "vintertid";
    /** The official word for winter time, read as it ({@link SiteTime#read}) and never shown. */
    public static final String STANDARD_TIME = "normaltid";

    public static String date(Instant instant, ZoneId zone) {
        return date(instant.atZone(zone).toLocalDate());
    }

    /** "29 mars 2026". */
    public static String date(LocalDate day) {
        return writtenDay(YearMonth.from(day), day.getDayOfMonth());
    }

    /**
     * "1 december 2026 kl. 9.05", with a point, as Myndigheternas skrivregler writes a time in running text ("kl. 09:05"
     * is a machine's); in the hour the clocks are put back, which comes twice, with the one it
     * is: "25 oktober 2026 kl. 2.30 (vintertid)". Typed into the form, it is read back as that time.
     */
    public static String dateTime(Instant instant, ZoneId zone) {
        return date(instant, zone) + " kl. " + timeOfDay(instant, zone);
    }

    /**
     * "9.05", and in the hour the clocks are put back "2.30 (vintertid)": a moment's time of day on its own, as a time
     * a form is good until ("till kl. 2.10" alone names neither of the hour that comes twice).
     */
    public static String timeOfDay(Instant instant, ZoneId zone) {
        return time(instant.atZone(zone).toLocalTime()) + seasonAfter(instant, zone);
    }

    /** "9.05", "15.30": a time of day as running text writes it, the hour without a leading zero, a point before the minutes. */
    public static String time(LocalTime t) {
        return t.getHour() + "." + two(t.getMinute());
    }

    /** " (vintertid)" or " (sommartid)", to follow a time the clock shows twice ({@link #season}); empty after any other. */
    public static String seasonAfter(Instant instant, ZoneId zone) {
        return season(instant, zone).map(s -> " (" + s + ")").orElse("");
    }

    /**
     * Which of the two times the clock shows twice (as the clocks are put back) this is, "sommartid" or "vintertid";
     * empty for any other time, which the clock shows once. A zone that moves its clocks back for another reason than
     * summer time ending has no such words for its two times: both are then named alike, and a form left as shown
     * still keeps its time (the edit form compares what it showed, not what it reads).
     */
    public static Optional<String> season(Instant instant, ZoneId zone) {
        LocalDateTime local = instant.atZone(zone).toLocalDateTime();
        if (zone.getRules().getValidOffsets(local).size() < 2) {
            return Optional.empty();
        }
        return Optional.of(zone.getRules().isDaylightSavings(instant) ? SUMMER_TIME : WINTER_TIME);
    }

    /** "Januari 2019": capitalised, as it stands alone in a heading or a list. */
    public static String month(YearMonth month) {
        String name = monthInText(month);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** "januari 2019", within a sentence. */
    public static String monthInText(YearMonth month) {
        return MONTHS[month.getMonthValue() - 1] + " " + month.getYear();
    }

    /** A time of day as Swedish writes it: "09:15", "9.15", "kl. 09:15", "klockan 9.15" (hour and minute its two groups). */
    static final String CLOCK = "(?:kl\\.? ?|klockan )?(\\d{1,2})[:.](\\d{2})";

    private static final Pattern WRITTEN = Pattern.compile(
            "(\\d{1,2}) (januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
                    // Shortened to three letters (or "febr", "sept"), with or without a point ("24 dec 2026 15:00").
                    // "maj" is whole.
                    + "|(?:jan|febr?|mar|apr|jun|jul|aug|sept?|okt|nov|dec)\\.?) (\\d{4})"
                    // Capitals of ASCII only, as every name above is: with Unicode's cases "ſeptember" (a long s) would
                    // match, and monthNumber, which knows no such month, would throw, a 500.
                    + "(?:,? " + CLOCK + ")?", Pattern.CASE_INSENSITIVE);

    /**
     * A date as this class writes it, typed back: "30 januari 2019", "30 januari 2019 kl. 9.15" (also "kl. 09:15", "kl 9.15",
     * "klockan 09:15", capitals, and the month shortened: "30 jan. 2019"): an author copies the date a page shows.
     * Empty for anything else, or a date that does not exist.
     */
    public static Optional<LocalDateTime> parse(String text) {
        Matcher m = WRITTEN.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int month = monthNumber(m.group(2));
        try {
            LocalDate day = LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)));
            return Optional.of(m.group(4) == null ? day.atStartOfDay()
                    : day.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A written date of a day its month lacks, "29 februari 2027": said so where {@link #parse} reads nothing. */
    static Optional<SiteTime.Reading> missingDay(String text) {
        Matcher m = WRITTEN.matcher(text.strip());
        return m.matches() ? SiteTime.Reading.NoSuchDay.of(Integer.parseInt(m.group(3)), monthNumber(m.group(2)), Integer.parseInt(m.group(1)))
                : Optional.empty();
    }

    /** "29 februari 2027", of a day that need not exist. */
    public static String writtenDay(YearMonth month, int day) {
        return day + " " + monthInText(month);
    }

    /** Whether the text is a date as {@link #parse} reads it with a time of day written after it. */
    static boolean hasTimeOfDay(String text) {
        Matcher m = WRITTEN.matcher(text.strip());
        return m.matches() && m.group(4) != null;
    }

    /** 1 for "januari", "Jan" or "jan.": every name and abbreviation {@link #WRITTEN} takes starts with its month's three letters. */
    private static int monthNumber(String written) {
        String start = written.substring(0, 3).toLowerCase(Locale.ROOT);
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].startsWith(start)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(written);
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
