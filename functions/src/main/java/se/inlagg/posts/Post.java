package se.inlagg.posts;

/**
 * A whole post: its summary, its Markdown body and that body as HTML. The HTML is made when the
 * post is written, so readers' functions never load the Markdown renderer. With them, as stored, the mark that says
 * whether the excerpt is made from the body ({@link ExcerptOrigin}); empty where none was read.
 */
public record Post(PostSummary summary, String body, String bodyHtml, String excerptMark) {

    public Post(PostSummary summary, String body, String bodyHtml) {
        this(summary, body, bodyHtml, "");
    }

    public String id() {
        return summary.id();
    }

    public String slug() {
        return summary.slug();
    }

    public long version() {
        return summary.version();
    }

    /** Whether the excerpt is the one made from the body, not its author's: an edit that sends none makes it anew. */
    public boolean excerptFromBody() {
        return ExcerptOrigin.fromBody(summary.excerpt(), body, excerptMark);
    }
}
