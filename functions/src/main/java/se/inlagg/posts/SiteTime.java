package se.inlagg.posts;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The site's one time zone and clock: a date typed alone is midnight here, a month archive is
 * this zone's calendar month, and every stored time is UTC to the second so keys sort as times.
 */
public final class SiteTime {

    /**
     * " (vintertid)" or " (sommartid)" after a time, naming which of a time shown twice is meant, exactly as the site shows
     * it ({@link SwedishDates#seasonAfter}); " (normaltid)", the official word for winter time, in the same form. Only these,
     * not "02:30vintertid" or "02:30 (sommartid": spellings no page shows and no document names.
     */
    private static final Pattern SEASON_AT_END = Pattern.compile(" \\((" + SwedishDates.SUMMER_TIME + "|" + SwedishDates.WINTER_TIME
            + "|" + SwedishDates.STANDARD_TIME + ")\\)$");
    private static final Pattern OFFSET_AT_END = Pattern.compile("[+-]\\d\\d:\\d\\d$");
    private static final Pattern SAID_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ T]+" + SwedishDates.CLOCK, Pattern.CASE_INSENSITIVE);
    /** A date as ISO 8601 writes it, alone or before a time: a day its month lacks is said so ({@link Reading.NoSuchDay}). */
    private static final Pattern DAY_AT_START = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(.*)");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM")
            .withResolverStyle(ResolverStyle.STRICT);

    /**
     * The years a time and a month may fall in. Four digits: a stored time, a month's key and its
     * archive's address are then plain text that sorts as time and reads back; a year past 9999
     * would be written "+10000-01" and could never be read back as a month (one such post would break
     * the archive and the sitemap for good), and a year before 1 would be signed.
     */
    static final int FIRST_YEAR = 1;
    static final int LAST_YEAR = 9999;

    private final ZoneId zone;
    private final Clock clock;

    public SiteTime(ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * What a publication time as typed names: one instant, a time the clocks skip, a time said to be of the season it is
     * not, a day its month lacks, or nothing that can be read.
     */
    public sealed interface Reading {

        /** The instant, when the text names one. */
        default Optional<Instant> instant() {
            return Optional.empty();
        }

        record At(Instant at) implements Reading {
            @Override
            public Optional<Instant> instant() {
                return Optional.of(at);
            }
        }

        /**
         * A time of day the site's clocks skip as they are put forward ("2026-03-29 02:30" in Stockholm, where 02:00
         * becomes 03:00): no instant is it. java.time moves it on by the gap, which would save such a post at 03:30,
         * said only by the confirmation: an author who asks for a time that does not exist is told so.
         *
         * @param from the clock's time as it is put forward (02:00)
         * @param to   what it shows at once after (03:00)
         */
        record Skipped(LocalDateTime typed, LocalTime from, LocalTime to, ZoneId zone) implements Reading {

            /** The rules' message, which {@code web.Swedish} reads back into Swedish for the form: keep the two alike. */
            public String english() {
                return "does not exist in " + zone + ": on " + typed.toLocalDate() + " the clocks go forward from " + from + " to " + to
                        + ", so " + typed.toLocalTime().truncatedTo(ChronoUnit.SECONDS) + " never comes; choose another time, or give an offset";
            }
        }

        /**
         * A time the clock shows once, said to be of the other season ("2026-07-01 12:00 (vintertid)"): a real date, not
         * "no real date". The words are the text's, "normaltid" as typed.
         *
         * @param said the season word typed
         * @param is   the season the time is in, "sommartid" or "vintertid"
         */
        record OtherSeason(LocalDateTime typed, String said, String is, ZoneId zone) implements Reading {

            /** The rules' message, which {@code web.Swedish} reads back into Swedish for the form: keep the two alike. */
            public String english() {
                return typed.truncatedTo(ChronoUnit.SECONDS) + " is " + is + " (" + (is.equals(SwedishDates.SUMMER_TIME) ? "summer" : "winter")
                        + " time) in " + zone + ", not " + said + "; the clocks show it once: leave out \"(" + said + ")\", or give an offset";
            }
        }

        /**
         * A day its month does not have ("2027-02-29", "31 april 2026"), written as a date is: "no date at all", with
         * examples of the very form the author typed, would not say what is wrong.
         */
        record NoSuchDay(YearMonth month, int day) implements Reading {

            /** The day a year, month and day name when the month is real and the day one no month has. */
            static Optional<Reading> of(int year, int month, int day) {
                if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1 || day > 31) {
                    return Optional.empty();
                }
                YearMonth named = YearMonth.of(year, month);
                return day > named.lengthOfMonth() ? Optional.of(new NoSuchDay(named, day)) : Optional.empty();
            }

            /**
             * The rules' message, which {@code web.Swedish} reads back into Swedish for the form: keep the two alike. The
             * day needs no padding: every month has 28 days, so a missing one is the 29th or later.
             */
            public String english() {
                return month + "-" + day + " does not exist: " + month + " has " + month.lengthOfMonth() + " days";
            }
        }

        /** Not a date, one outside the years 1–9999, or a season word after a date alone or an offset. */
        record Unreadable() implements Reading {
        }
    }

    /** Empty for anything {@link #read} does not read as one instant. */
    public Optional<Instant> parse(String text) {
        return read(text).instant();
    }

    /**
     * Reads a publication time as authors write it: "2019-01-30", "2019-01-30T09:15" (or a space for the T),
     * "2019-01-30T09:15:00+01:00" or "…Z", or as the site shows it, "30 januari 2019 kl. 9.15" (or "kl. 09:15", or "30 jan. 2019"). A
     * day its month lacks, all else as it should be, is {@link Reading.NoSuchDay}; any other impossible date, and times
     * outside the years 1–9999 (here, and in UTC as answered), are unreadable.
     *
     * <p>A time without an offset that the clocks skip is {@link Reading.Skipped}. One they show twice (02:30 on the
     * night summer time ends) is the first, summer time, as java.time and most calendars take it: the earlier of the
     * two, the one the clock reaches first. " (vintertid)" after it names the second, " (sommartid)" the first, as the
     * site shows such a time ({@link SwedishDates#season}); said of a time the clock shows once, the word must be its season
     * ({@link Reading.OtherSeason}). A time with an offset is one instant as it stands.
     */
    public Reading read(String text) {
        Reading read = readAsWritten(text);
        return read instanceof Reading.Unreadable ? noSuchDay(text.strip()).orElse(read) : read;
    }

    private Reading readAsWritten(String text) {
        String t = text.strip();
        Optional<String> word = Optional.empty();
        Matcher season = SEASON_AT_END.matcher(t);
        if (season.find()) {
            word = Optional.of(season.group(1));
            t = t.substring(0, season.start());
        }
        Optional<LocalDateTime> written = SwedishDates.parse(t);
        if (written.isPresent()) {
            if (!SwedishDates.hasTimeOfDay(t)) {
                // A date alone is its day's first moment, as "2019-01-30" is: where the clocks skip midnight that day, a
                // time of 0.00 read as typed would be refused as one the author never typed (a dates probe). A season
                // word names one of a time shown twice, so after a date alone it names none.
                return word.isPresent() ? new Reading.Unreadable() : within(written.get().toLocalDate().atStartOfDay(zone).toInstant());
            }
            return local(written.get(), word);
        }
        Matcher said = SAID_TIME.matcher(t);
        if (said.matches()) {
            // "2026-12-24 kl. 15.00", as Swedish writes a time (a point for the colon, "kl." before it).
            t = said.group(1) + "T" + (said.group(2).length() == 1 ? "0" : "") + said.group(2) + ":" + said.group(3);
        }
        if (t.length() > 10 && t.charAt(10) == ' ') {
            // "2019-01-30 09:15", as people type it: the space stands for ISO 8601's T.
            t = t.substring(0, 10) + "T" + t.substring(10).strip();
        }
        try {
            if (t.length() == 10) {
                Instant midnight = LocalDate.parse(t, DATE).atStartOfDay(zone).toInstant();
                return word.isEmpty() ? within(midnight) : new Reading.Unreadable();
            }
            // RFC 3339 (5.6) takes a lower-case z as it takes a lower-case t ("…T09:15z").
            if (t.endsWith("Z") || t.endsWith("z") || OFFSET_AT_END.matcher(t).find()) {
                Instant read = OffsetDateTime.parse(t).toInstant().truncatedTo(ChronoUnit.SECONDS);
                return word.isEmpty() ? within(read) : new Reading.Unreadable();
            }
            return local(LocalDateTime.parse(t), word);
        } catch (DateTimeException e) {
            return new Reading.Unreadable();
        }
    }

    /**
     * A day its month lacks, when the day is all that is wrong: the same text on the first of that month reads. Else the
     * text is no time for other reasons too, and is said to be none.
     */
    private Optional<Reading> noSuchDay(String text) {
        // A season word after the time stays where it is, read again with the first of the month ("31 november 2026
        // kl. 12:00 (vintertid)" is a day its month lacks, not no date).
        Matcher season = SEASON_AT_END.matcher(text);
        int at = season.find() ? season.start() : text.length();
        String date = text.substring(0, at);
        String after = text.substring(at);
        Matcher iso = DAY_AT_START.matcher(date);
        Optional<Reading> missing = iso.matches()
                ? Reading.NoSuchDay.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)))
                : SwedishDates.missingDay(date);
        String first = (iso.matches() ? iso.group(1) + "-" + iso.group(2) + "-01" + iso.group(4) : date.replaceFirst("^\\d{1,2}", "1")) + after;
        return missing.filter(m -> !(readAsWritten(first) instanceof Reading.Unreadable));
    }

    /** A time on this zone's clock, summer or winter time when the text said which (its season word). */
    private Reading local(LocalDateTime typed, Optional<String> said) {
        ZoneRules rules = zone.getRules();
        // For a time shown twice, the earlier offset first: the one before the clocks are put back.
        List<ZoneOffset> offsets = rules.getValidOffsets(typed);
        if (offsets.isEmpty() && typed.getYear() >= FIRST_YEAR && typed.getYear() <= LAST_YEAR) {
            ZoneOffsetTransition gap = rules.getTransition(typed);
            return new Reading.Skipped(typed, gap.getDateTimeBefore().toLocalTime(), gap.getDateTimeAfter().toLocalTime(), zone);
        }
        Optional<Boolean> summer = said.map(SwedishDates.SUMMER_TIME::equals);
        Optional<Instant> named = offsets.stream().map(o -> typed.toInstant(o).truncatedTo(ChronoUnit.SECONDS))
                .filter(i -> summer.isEmpty() || rules.isDaylightSavings(i) == summer.get())
                .findFirst();
        if (named.isEmpty() && !offsets.isEmpty() && said.isPresent()) {
            Instant once = typed.toInstant(offsets.get(0));
            return withinYears(once) ? new Reading.OtherSeason(typed, said.get(),
                    rules.isDaylightSavings(once) ? SwedishDates.SUMMER_TIME : SwedishDates.WINTER_TIME, zone) : new Reading.Unreadable();
        }
        return named.map(this::within).orElseGet(Reading.Unreadable::new);
    }

    private Reading within(Instant instant) {
        return withinYears(instant) ? new Reading.At(instant) : new Reading.Unreadable();
    }

    /**
     * In the years 1–9999 in this zone (its month) and in UTC (the API's answers). Not year 0 in UTC, four digits all the
     * same: "0001-01-01" here would be answered as 0000-12-31T23:06:32Z, which Python's and .NET's date types cannot hold,
     * and a client paging every post would fail at it.
     */
    private boolean withinYears(Instant instant) {
        int here = instant.atZone(zone).getYear();
        int utc = instant.atZone(ZoneOffset.UTC).getYear();
        return here >= FIRST_YEAR && here <= LAST_YEAR && utc >= FIRST_YEAR && utc <= LAST_YEAR;
    }

    /** "2019-01" as a calendar month of the years 1–9999, or empty when it is not one. */
    public static Optional<YearMonth> parseMonth(String text) {
        try {
            return Optional.of(YearMonth.parse(text, MONTH)).filter(m -> m.getYear() >= FIRST_YEAR && m.getYear() <= LAST_YEAR);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public Instant startOf(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    /** The last second that still belongs to the month in this zone. */
    public Instant lastSecondOf(YearMonth month) {
        return startOf(month.plusMonths(1)).minusSeconds(1);
    }

    /** UTC to the second, "2019-01-29T23:00:00Z": the one text form of a time in keys and JSON. */
    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
