package se.inlagg.posts;

/**
 * A whole post: its summary, its Markdown body and that body as HTML. The HTML is made when the
 * post is written, so readers' functions never load the Markdown renderer.
 */
public record Post(PostSummary summary, String body, String bodyHtml) {

    public String id() {
        return summary.id();
    }

    public String slug() {
        return summary.slug();
    }

    public long version() {
        return summary.version();
    }
}
