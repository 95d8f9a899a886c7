package se.inlagg.posts;

/** A whole post: its summary and its Markdown body, which is stored apart from the summary. */
public record Post(PostSummary summary, String body) {

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
