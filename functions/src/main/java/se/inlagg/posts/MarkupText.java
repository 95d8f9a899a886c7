package se.inlagg.posts;

/**
 * Text made safe to stand in HTML or XML, as content or inside a quoted attribute: the five
 * characters that could end either are written as references. Feeds, sitemaps and search snippets
 * build their markup by hand and write authors' text through this.
 */
public final class MarkupText {

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
                default -> out.append(c);
            }
        }
    }
}
