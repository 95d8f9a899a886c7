package se.inlagg.posts;

/**
 * The characters that only hint where a line may break, or may not, and show nothing: a soft hyphen (U+00AD, which
 * Word and hyphenated web pages leave in copied text), a zero-width space (U+200B), a word joiner (U+2060) and a
 * zero-width no-break space (U+FEFF, a byte order mark inside text). In a one-line name they split what readers
 * read as one word: the category "Sam{U+00AD}verkan" pasted with a soft hyphen would be a second category "sam-verkan"
 * beside Samverkan (both shown alike on /tags), a title "Fi{U+200B}ka" the slug "fi-ka", and neither would be found by a
 * search for the word. Joiners that change what is shown (U+200C, U+200D: emoji and scripts) stay.
 */
public final class BreakHints {

    private BreakHints() {
    }

    /** The text without them; the same string when it has none (every name typed the usual way). */
    public static String removed(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isHint(text.charAt(i))) {
                StringBuilder out = new StringBuilder(text.length());
                text.chars().filter(c -> !isHint((char) c)).forEach(c -> out.append((char) c));
                return out.toString();
            }
        }
        return text;
    }

    private static boolean isHint(char c) {
        return c == '\u00AD' || c == '\u200B' || c == '\u2060' || c == '\uFEFF';
    }
}
