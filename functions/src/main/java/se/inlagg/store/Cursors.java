package se.inlagg.store;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import se.inlagg.posts.Page;
import se.inlagg.posts.SiteTime;

/**
 * Cursors name the list they belong to, the list key a page ended at, and which way the next page
 * lies: older (the usual "next page") or newer (back towards the first page). The server rebuilds
 * the DynamoDB start key from them, so a cursor from another list, out of range or made up is a
 * client error, never a DynamoDB error.
 */
final class Cursors {

    private static final String OLDER = "c1";
    /** Pages towards the front of the list: the same key, read in the other direction. */
    private static final String NEWER = "n1";
    private static final Pattern LIST = Pattern.compile("feed|mine|mine:(draft|published)|(tag|person|office):[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern MONTH = Pattern.compile("|\\d{4}-\\d{2}");
    private static final Pattern KEY = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z#[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /**
     * Where a page ended: which list ("feed", "tag:slug", "person:slug", "office:slug", or "mine" and "mine:draft" or
     * "mine:published", an author's posts of every status or of one),
     * which month ("" for all), the key at the page's edge, and whether the page asked for lies
     * before it in the list (newer posts) rather than after it (older ones).
     */
    record Position(String list, String month, String lastKey, boolean newer) {

        Position(String list, String month, String lastKey) {
            this(list, month, lastKey, false);
        }
    }

    private Cursors() {
    }

    static String encode(Position p) {
        String text = String.join("|", p.newer() ? NEWER : OLDER, p.list(), p.month(), p.lastKey());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<Position> decode(String cursor) {
        if (cursor.isEmpty() || cursor.length() > Page.MAX_CURSOR) {
            return Optional.empty();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String[] parts = text.split("\\|", -1);
        if (parts.length != 4 || !(parts[0].equals(OLDER) || parts[0].equals(NEWER)) || !LIST.matcher(parts[1]).matches()
                || !MONTH.matcher(parts[2]).matches() || !KEY.matcher(parts[3]).matches() || !aTimeAsWritten(parts[3])) {
            return Optional.empty();
        }
        return Optional.of(new Position(parts[1], parts[2], parts[3], parts[0].equals(NEWER)));
    }

    /**
     * The key's time is one the store writes (Keys.listSort), to the letter. KEY takes any digits: a cursor edited to
     * 2019-13-01 or 2026-02-30 would be queried from, and answer a page no link leads to (2012-13 sorts after 2012-07,
     * so the page would show again the post its cursor was made after). 24:00 and a leap second's :60
     * are read as another time, so they are none either.
     */
    private static boolean aTimeAsWritten(String key) {
        String time = key.substring(0, key.indexOf('#'));
        try {
            return SiteTime.format(Instant.parse(time)).equals(time);
        } catch (DateTimeException e) {
            return false;
        }
    }
}
