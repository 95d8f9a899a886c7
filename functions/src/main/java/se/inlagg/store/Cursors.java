package se.inlagg.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Cursors name the list they belong to and the last list key seen. The server rebuilds the
 * DynamoDB start key from them, so a cursor from another list, out of range or made up is a
 * client error, never a DynamoDB error.
 */
final class Cursors {

    static final int MAX_LENGTH = 512;
    private static final String VERSION = "c1";
    private static final Pattern LIST = Pattern.compile("feed|mine|(tag|person|office):[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern MONTH = Pattern.compile("|\\d{4}-\\d{2}");
    private static final Pattern KEY = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z#[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** Where a page ended: which list ("feed", "tag:slug", "person:slug", "office:slug" or "mine"), which month ("" for all), the last key. */
    record Position(String list, String month, String lastKey) {
    }

    private Cursors() {
    }

    static String encode(Position p) {
        String text = String.join("|", VERSION, p.list(), p.month(), p.lastKey());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<Position> decode(String cursor) {
        if (cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String[] parts = text.split("\\|", -1);
        if (parts.length != 4 || !parts[0].equals(VERSION) || !LIST.matcher(parts[1]).matches()
                || !MONTH.matcher(parts[2]).matches() || !KEY.matcher(parts[3]).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Position(parts[1], parts[2], parts[3]));
    }
}
