package se.inlagg.posts;

import java.nio.charset.Charset;
import java.util.Optional;

/**
 * Which rendering a body's stored HTML came from, and whether a read may serve it as it is. Apart from {@link Markdown}
 * so that asking builds none of its parsers: a read that serves stored HTML loads no commonmark class (calling a static
 * method of Markdown initialises it, at every post page's cold start).
 */
public final class StoredHtml {

    /**
     * Raise it when Markdown's rules change (a new sanitizer, say): bodies stored with an older value are rendered again
     * when read, unless {@link #servable} knows how the change leaves them. 2: no link or picture to an address
     * with a user name or password, which every reader would be sent. 3: a character reference to a character no page or
     * feed may carry ("&#x1;") is U+FFFD (MarkupText.fit), not the control in the API's bodyHtml.
     */
    public static final int VERSION = 3;

    private StoredHtml() {
    }

    /**
     * The HTML stored for this body by a renderer of {@code version}, as this one would make it, for a read to serve
     * without loading commonmark; empty when the body must be rendered again. Version 2 differs only in characters no
     * page or feed may carry, which its HTML is made fit of here ({@link #fit}), as rendering it anew would (so a body
     * with an "&" is not rendered again at every read); version 1 also in a link or picture whose address has a user
     * name or password, which needs an "@" ("&#64;" writes one too): one of its bodies with neither "@" nor "&" is served.
     */
    public static Optional<String> servable(long version, String markdown, String html) {
        if (version == VERSION) {
            return Optional.of(html);
        }
        boolean alike = version == 2 || version == 1 && markdown.indexOf('@') < 0 && markdown.indexOf('&') < 0;
        return alike ? Optional.of(fit(html)) : Optional.empty();
    }

    /**
     * What a body's references make, fit for a page and a feed: the renderer's HTML and words since version 3, and
     * HTML stored by version 2 as a read serves it ({@link #servable}). A reference to a C1 control ("&#150;", as old HTML from Word
     * writes a dash) is the windows-1252 character a browser and commonmark.js read it as ("–"), where commonmark-java
     * keeps the control (which would become U+FFFD); the rules refuse C1 controls typed, so every one here came from a
     * reference. The rest no page or feed may carry is U+FFFD (MarkupText.fit), as 0x81, which windows-1252 leaves unnamed, is.
     */
    public static String fit(String rendered) {
        int first = 0;
        while (first < rendered.length() && (rendered.charAt(first) < '\u0080' || rendered.charAt(first) > '\u009F')) {
            first++;
        }
        if (first == rendered.length()) {
            return MarkupText.fit(rendered);
        }
        StringBuilder out = new StringBuilder(rendered.length()).append(rendered, 0, first);
        for (int i = first; i < rendered.length(); i++) {
            char c = rendered.charAt(i);
            if (c >= '\u0080' && c <= '\u009F') {
                out.append(new String(new byte[] {(byte) c}, Charset.forName("windows-1252")));
            } else {
                out.append(c);
            }
        }
        return MarkupText.fit(out.toString());
    }
}
