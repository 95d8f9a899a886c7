package se.inlagg.posts;

/**
 * Which rendering a body's stored HTML came from, and whether a read may serve it as it is. Apart from {@link Markdown}
 * so that asking builds none of its parsers: a read that serves stored HTML loads no commonmark class (calling a static
 * method of Markdown initialised it, about 100 classes at every post page's cold start; found by a review).
 */
public final class StoredHtml {

    /**
     * Raise it when Markdown's rules change (a new sanitizer, say): bodies stored with an older value are rendered again
     * when read, unless {@link #rendersAlike} knows the change leaves them alone. 2: no link or picture to an address
     * with a user name or password, which every reader was sent. 3: a character reference to a character no page or feed
     * may carry ("&#x1;") is U+FFFD (MarkupText.fit), where the API's bodyHtml carried the control.
     */
    public static final int VERSION = 3;

    private StoredHtml() {
    }

    /**
     * Whether HTML a renderer of {@code version} stored for this body is what this one makes of it, so a read serves it
     * without loading commonmark. Version 2 differs only in a character reference, which needs an "&"; version 1 also in a
     * link or picture whose address has a user name or password, which needs an "@" ("&#64;" writes one too): every other
     * body stored by them is as good as rendered anew.
     */
    public static boolean rendersAlike(long version, String markdown) {
        return version == VERSION || (version == 2 || version == 1 && markdown.indexOf('@') < 0) && markdown.indexOf('&') < 0;
    }
}
