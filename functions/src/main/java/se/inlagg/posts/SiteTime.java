package se.inlagg.posts;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The site's one time zone and clock: a date typed alone is midnight here, a month archive is
 * this zone's calendar month, and every stored time is UTC to the second so keys sort as times.
 */
public final class SiteTime {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM")
            .withResolverStyle(ResolverStyle.STRICT);

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
     * Reads a publication time as authors write it: "2019-01-30", "2019-01-30T09:15",
     * "2019-01-30T09:15:00+01:00" or "…Z". Empty for anything else, including impossible dates.
     */
    public Optional<Instant> parse(String text) {
        String t = text.strip();
        try {
            if (t.length() == 10) {
                return Optional.of(LocalDate.parse(t, DATE).atStartOfDay(zone).toInstant());
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return Optional.of(OffsetDateTime.parse(t).toInstant().truncatedTo(ChronoUnit.SECONDS));
            }
            return Optional.of(LocalDateTime.parse(t).atZone(zone).toInstant().truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** "2019-01" as a calendar month, or empty when it is not one. */
    public static Optional<YearMonth> parseMonth(String text) {
        try {
            return Optional.of(YearMonth.parse(text, MONTH));
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

    /** The calendar month, in this zone, that an instant falls in. */
    public YearMonth monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(zone));
    }

    /** UTC to the second, "2019-01-29T23:00:00Z": the one text form of a time in keys and JSON. */
    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
