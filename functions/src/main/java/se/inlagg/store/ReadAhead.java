package se.inlagg.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import se.inlagg.posts.Ids;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads a request will make one after another, made together first. An author's page that changes a
 * post reads the author's session, then the post by its slug: all are single items whose keys the
 * request names (the slug's claim, and the post and body its slug names, {@link PostItems#bySlug}), so
 * one BatchGetItem reads them before the page is handled, and {@link SessionStore} and
 * {@link DynamoPostRepository} take them from it where they would have read each. They are read
 * consistently, a few milliseconds earlier than they would have been, and every write is conditioned
 * on the version it read, so reading them early changes what a request can do no more than a slow
 * network would.
 */
public final class ReadAhead {

    private final Table table;

    public ReadAhead(Table table) {
        this.table = table;
    }

    /** Does {@code work} with the session (stored under its id's SHA-256) and the post by its slug read first, in one call. */
    public <T> T sessionAndSlug(String sessionIdSha256, String slug, Supplier<T> work) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        keys.add(Table.key(Keys.session(sessionIdSha256), Keys.SESSION_SK));
        keys.addAll(PostItems.bySlug(slug, Ids.ofSlug(slug), true));
        return table.readingAhead(keys, work);
    }
}
