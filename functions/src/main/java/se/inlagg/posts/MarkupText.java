package se.inlagg.posts;

/**
 * Text made safe to stand in HTML or XML, as content or inside a quoted attribute: the five
 * characters that could end either are written as references, and a character neither may carry
 * is U+FFFD. Feeds, sitemaps and search snippets build their markup by hand and write authors' text
 * through this.
 */
public final class MarkupText {

    /** What stands for a character no page or feed may carry, as HTML parsers and CommonMark put it. */
    public static final char REPLACEMENT = '\uFFFD';

    private MarkupText() {
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        escape(text, out);
        return out.toString();
    }

    public static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    int length = fitLength(text, i);
                    if (length == 1) {
                        out.append(c);
                    } else if (length < 0) {
                        out.append(REPLACEMENT);
                        i += -length - 1;
                    } else {
                        out.append(c).append(text.charAt(i + 1));
                        i++;
                    }
                }
            }
        }
    }

    /**
     * The text with each character no page or feed may carry made U+FFFD ({@link #fitLength}); the very string when
     * it has none, as nearly every text has. For markup made elsewhere (a body's HTML) and text a template escapes.
     */
    public static String fit(String text) {
        int i = 0;
        while (i < text.length()) {
            int length = fitLength(text, i);
            if (length < 0) {
                break;
            }
            i += length;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, i);
        while (i < text.length()) {
            int length = fitLength(text, i);
            if (length < 0) {
                out.append(REPLACEMENT);
            } else {
                out.append(text, i, i + length);
            }
            i += Math.abs(length);
        }
        return out.toString();
    }

    /**
     * How many chars from {@code i} make one character a page and a feed may carry (2 for a surrogate pair), or as
     * many negated for one neither may: what XML 1.0 has no place for (a control but tab, newline and carriage return, a surrogate
     * alone, U+FFFE, U+FFFF) and what HTML reads as an error (DEL, the C1 controls, every noncharacter). The rules
     * refuse them all in what is typed, but a Markdown character reference ("&#x1;") makes one in a body's HTML and
     * excerpt, which would make the feed carrying it unreadable for every subscriber.
     */
    private static int fitLength(String text, int i) {
        char c = text.charAt(i);
        if (c >= ' ' && c < '\u007F' || c >= '\u00A0' && c < '\uD800') {
            return 1;
        }
        if (c < ' ') {
            return c == '\t' || c == '\n' || c == '\r' ? 1 : -1;
        }
        if (c < '\u00A0') {
            return -1;
        }
        if (Character.isHighSurrogate(c)) {
            if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                return PostRules.isNoncharacter(Character.toCodePoint(c, text.charAt(i + 1))) ? -2 : 2;
            }
            return -1;
        }
        return Character.isLowSurrogate(c) || PostRules.isNoncharacter(c) ? -1 : 1;
    }
}
