package se.inlagg.posts;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list, the cursor of the next one (empty on the last page) and, when this page is
 * not the first, the cursor of the one before it (towards the front of the list: newer posts).
 */
public record Page<T>(List<T> items, Optional<String> nextCursor, Optional<String> previousCursor) {

    /** No cursor made for a page is longer: a longer one is refused as made up, before anything is read. */
    public static final int MAX_CURSOR = 512;

    public Page {
        items = List.copyOf(items);
    }

    /** A page that knows only the way forward (the API's lists, a first page). */
    public Page(List<T> items, Optional<String> nextCursor) {
        this(items, nextCursor, Optional.empty());
    }
}
