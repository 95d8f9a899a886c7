package se.inlagg.api;

import java.util.function.Supplier;
import se.inlagg.http.ETags;
import se.inlagg.posts.Outcome;

/**
 * A function of the JSON API on the post its path names (/api/posts/{slug}…): it reads that post by
 * its slug, a BatchGetItem it is granted, so its priming reads a post by slug too. Functions that never
 * read a post by slug are not granted BatchGetItem, and their priming does not ask for it.
 */
abstract class PostApiFunction extends ApiFunction {

    @Override
    protected final boolean readsPostsBySlug() {
        return true;
    }

    /**
     * A change its handler composes from the post it reads, as If-Match asks: with "*", which names no version (RFC 9110,
     * 13.1.1), made again from a fresh read while it loses a race, as one sent without If-Match is; with a tag, once, a lost
     * race refused as Stale.
     */
    protected final <T> Outcome<T> asIfMatchAsks(String ifMatch, Supplier<Outcome<T>> attempt) {
        return ETags.namesAny(ifMatch) ? app().posts().retryingLostRaces(attempt) : attempt.get();
    }
}
