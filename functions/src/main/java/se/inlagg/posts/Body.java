package se.inlagg.posts;

/** A post's text as its author wrote it (Markdown) and as readers get it (HTML, made on write). */
public record Body(String markdown, String html) {

    public static Body of(String markdown) {
        return new Body(markdown, Markdown.toHtml(markdown));
    }
}
