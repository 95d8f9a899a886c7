package se.inlagg.posts;

import java.util.List;
import java.util.Optional;

/**
 * A post as a client typed it, before any rule is applied: the JSON create body and the
 * authoring form both become one of these, so both get the same checks and the same messages.
 */
public record PostDraft(
        Optional<String> title,
        Optional<String> body,
        Optional<String> authorName,
        Optional<String> authorRole,
        Optional<String> authorOffice,
        List<String> tags,
        Optional<String> publishedAt,
        Optional<String> imageUrl,
        Optional<String> imageAlt,
        Optional<String> imageCaption,
        Optional<String> excerpt,
        Optional<String> status) {

    public PostDraft {
        tags = List.copyOf(tags);
    }

    /** The same fields, asking for another status ("published" or "draft"). */
    public PostDraft withStatus(String wanted) {
        return new PostDraft(title, body, authorName, authorRole, authorOffice, tags, publishedAt, imageUrl, imageAlt, imageCaption, excerpt,
                Optional.of(wanted));
    }
}
