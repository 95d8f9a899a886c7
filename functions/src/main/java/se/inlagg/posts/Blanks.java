package se.inlagg.posts;

/**
 * What a field typed on one line is trimmed of at its ends: every space a person cannot see, not only what
 * {@link String#strip} takes. A no-break space (⌥+Space on a Mac, Word's, an HTML mail's {@code &nbsp;}), a narrow or
 * figure space, a zero-width space, a word joiner and a byte order mark are none of Java's white space: a category typed
 * "Nyheter,⌥Space Fika" was named " Fika" everywhere its name stands, a title of 200 characters with one after it was
 * refused as too long, and a sign-in token pasted from a mail with one after it was "wrong" (found by a probe).
 */
public final class Blanks {

    private Blanks() {
    }

    /** The text without such spaces at either end; the same string when it has none. */
    public static String trimmed(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && isBlank(text.codePointAt(from))) {
            from += Character.charCount(text.codePointAt(from));
        }
        while (to > from && isBlank(text.codePointBefore(to))) {
            to -= Character.charCount(text.codePointBefore(to));
        }
        return text.substring(from, to);
    }

    private static boolean isBlank(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x200B || cp == 0x2060 || cp == 0xFEFF;
    }
}
