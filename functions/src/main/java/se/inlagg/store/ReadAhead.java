package se.inlagg.store;

import java.util.List;
import java.util.function.Supplier;

/**
 * Reads a request will make one after another, made together first. An author's page that changes a
 * post reads the author's session, then the post's slug, then the post: the first two are single items
 * whose keys the request names, so one BatchGetItem reads both before the page is handled, and
 * {@link SessionStore} and {@link DynamoPostRepository} take the session and the slug from it where
 * they would have read each. Both are read consistently, a few milliseconds earlier than they would
 * have been; the post itself is read afterwards as before, and every write is conditioned on the
 * version it read, so reading these two early changes what a request can do no more than a slow network would.
 */
public final class ReadAhead {

    private final Table table;

    public ReadAhead(Table table) {
        this.table = table;
    }

    /** Does {@code work} with the session (stored under its id's SHA-256) and the slug's item read first, in one call. */
    public <T> T sessionAndSlug(String sessionIdSha256, String slug, Supplier<T> work) {
        return table.readingAhead(List.of(Table.key(Keys.session(sessionIdSha256), Keys.SESSION_SK), Table.key(Keys.slug(slug), Keys.SLUG_SK)),
                work);
    }
}
