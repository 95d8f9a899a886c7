package se.inlagg.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Reads the function's configuration once, so a missing setting fails at start-up, not mid-request.
 *
 * <p>Lambda gives settings as environment variables. The local server runs every handler in one JVM,
 * which cannot change its own environment, so it passes the same names as system properties; the
 * environment wins where both are set.
 *
 * @param siteUrl the site's public address ("https://blogg.example.se"): absolute links in feeds,
 *                canonical URLs and the sitemap come from it, never from a request's Host header
 * @param searchBucket the S3 bucket that holds the search index; only the search functions and
 *                     the indexer have it
 * @param authorWriteUnitsPerHour the write units an author's writes may take in a clock hour (the stack's
 *                                AuthorWriteUnitsPerHour, store.WriteAllowance); 0 for no bound, as tools and
 *                                tests that make their own settings have it
 */
public record Settings(String tableName, ZoneId siteZone, Optional<String> siteUrl, Optional<String> searchBucket,
                       long authorWriteUnitsPerHour) {

    public static final String TABLE_NAME = "TABLE_NAME";
    public static final String SITE_TIME_ZONE = "SITE_TIME_ZONE";
    public static final String SITE_URL = "SITE_URL";
    public static final String SEARCH_BUCKET = "SEARCH_BUCKET";
    public static final String AUTHOR_WRITE_UNITS_PER_HOUR = "AUTHOR_WRITE_UNITS_PER_HOUR";
    static final String DEFAULT_ZONE = "Europe/Stockholm";
    /** The stack's AuthorWriteUnitsPerHour unless set: a human author's heaviest hour (a long post saved every minute) is some 70,000. */
    public static final long DEFAULT_WRITE_UNITS_PER_HOUR = 100_000;

    public Settings {
        if (tableName == null || tableName.isBlank()) {
            throw new IllegalStateException(TABLE_NAME + " is not set: it names the DynamoDB table");
        }
        siteUrl = siteUrl.map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
        siteUrl.ifPresent(Settings::checkSiteUrl);
        if (authorWriteUnitsPerHour < 0) {
            throw new IllegalStateException(AUTHOR_WRITE_UNITS_PER_HOUR + " is 0 (no bound) or more, not " + authorWriteUnitsPerHour);
        }
    }

    public Settings(String tableName, ZoneId siteZone, Optional<String> siteUrl, Optional<String> searchBucket) {
        this(tableName, siteZone, siteUrl, searchBucket, 0);
    }

    public Settings(String tableName, ZoneId siteZone) {
        this(tableName, siteZone, Optional.empty(), Optional.empty());
    }

    public Settings(String tableName, ZoneId siteZone, Optional<String> siteUrl) {
        this(tableName, siteZone, siteUrl, Optional.empty());
    }

    /** The same settings with the search index in this bucket (tools and tests that make their own). */
    public Settings withSearchBucket(String bucket) {
        return new Settings(tableName, siteZone, siteUrl, Optional.of(bucket), authorWriteUnitsPerHour);
    }

    public static Settings fromEnvironment() {
        String zone = value(SITE_TIME_ZONE).orElse(DEFAULT_ZONE);
        try {
            return new Settings(value(TABLE_NAME).orElse(null), ZoneId.of(zone), value(SITE_URL), value(SEARCH_BUCKET),
                    unitsPerHour(value(AUTHOR_WRITE_UNITS_PER_HOUR)));
        } catch (DateTimeException e) {
            throw new IllegalStateException(SITE_TIME_ZONE + " is not a time zone: " + zone, e);
        }
    }

    /** Unset (a stack from before the setting, a tool): the stack's default. */
    private static long unitsPerHour(Optional<String> value) {
        try {
            return value.map(v -> Long.parseLong(v.strip())).orElse(DEFAULT_WRITE_UNITS_PER_HOUR);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(AUTHOR_WRITE_UNITS_PER_HOUR + " is a whole number of write units, not " + value.get(), e);
        }
    }

    public static Optional<String> value(String name) {
        String fromEnv = System.getenv(name);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(fromEnv);
        }
        return Optional.ofNullable(System.getProperty(name)).filter(v -> !v.isBlank());
    }

    private static void checkSiteUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException notAnAddress) {
            // Said as any other wrong address is, not as URI.create's stack trace.
            throw new IllegalStateException(SITE_URL + " must be an address like https://blogg.example.se, not " + url, notAnAddress);
        }
        if (uri.getHost() == null || !(("https".equals(uri.getScheme())) || "http".equals(uri.getScheme()))
                || (uri.getPath() != null && !uri.getPath().isEmpty())) {
            throw new IllegalStateException(SITE_URL + " must be an address like https://blogg.example.se, not " + url);
        }
    }
}
