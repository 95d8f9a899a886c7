package se.inlagg.posts;

import java.time.YearMonth;
import java.util.Optional;

/** Which published posts a list asks for: all or one tag's, optionally one month's, a page at a time. */
public record ListQuery(Optional<String> tagSlug, Optional<YearMonth> month, int limit, Optional<String> cursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public ListQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1–" + MAX_LIMIT);
        }
    }
}
