package se.inlagg.search;

import java.time.Instant;
import java.util.List;
import se.inlagg.posts.Byline;
import se.inlagg.posts.Tag;

/**
 * One post found: what a result shows (title, date, byline, categories) and a snippet of its text
 * around the words found. {@code snippetHtml} is escaped text with {@code <mark>} around matches
 * and nothing else, so pages may write it as it is.
 */
public record SearchHit(String slug, String title, String excerpt, String snippetHtml, Byline author, Instant publishedAt,
                        List<Tag> tags) {

    public SearchHit {
        tags = List.copyOf(tags);
    }
}
