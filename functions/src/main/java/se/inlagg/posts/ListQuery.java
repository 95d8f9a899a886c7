package se.inlagg.posts;

import java.time.YearMonth;
import java.util.Optional;

/**
 * Which published posts a list asks for: all, or one category's, person's or office's; optionally
 * one month's; a page at a time, newest first.
 */
public record ListQuery(Optional<Facet> facet, Optional<YearMonth> month, int limit, Optional<String> cursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public ListQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1–" + MAX_LIMIT);
        }
        if (facet.isPresent() && facet.get().kind() == Facet.Kind.MONTH) {
            throw new IllegalArgumentException("a month is asked for with month, not as a facet");
        }
    }

    /** The first page of everything, newest first. */
    public static ListQuery newest(int limit) {
        return new ListQuery(Optional.empty(), Optional.empty(), limit, Optional.empty());
    }
}
