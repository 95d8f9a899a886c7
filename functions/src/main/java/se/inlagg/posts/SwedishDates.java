package se.inlagg.posts;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Dates as Swedish readers write them: "30 januari 2019", "30 januari 2019 kl. 09:15", "Januari
 * 2019". Twelve month names, written here rather than looked up: a formatter with a Swedish locale
 * loads the JDK's CLDR locale data on first use, tens of milliseconds on every cold start.
 */
public final class SwedishDates {

    private static final String[] MONTHS = {"januari", "februari", "mars", "april", "maj", "juni", "juli",
        "augusti", "september", "oktober", "november", "december"};

    private SwedishDates() {
    }

    public static String date(Instant instant, ZoneId zone) {
        ZonedDateTime t = instant.atZone(zone);
        return t.getDayOfMonth() + " " + MONTHS[t.getMonthValue() - 1] + " " + t.getYear();
    }

    public static String dateTime(Instant instant, ZoneId zone) {
        ZonedDateTime t = instant.atZone(zone);
        return date(instant, zone) + " kl. " + two(t.getHour()) + ":" + two(t.getMinute());
    }

    /** "Januari 2019": capitalised, as it stands alone in a heading or a list. */
    public static String month(YearMonth month) {
        String name = MONTHS[month.getMonthValue() - 1];
        return Character.toUpperCase(name.charAt(0)) + name.substring(1) + " " + month.getYear();
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
