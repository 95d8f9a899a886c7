package se.inlagg.store;

import java.time.Instant;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.Status;

/**
 * How a post is counted in its facets' counters: in the plain count (visible when written), in the
 * pending map (scheduled: counted once its time has passed, with no job), or not at all (draft).
 */
enum Tally {
    COUNT, PENDING, NONE;

    static Tally of(PostSummary post, Instant now) {
        if (post.status() != Status.PUBLISHED) {
            return NONE;
        }
        return post.publishedAt().isAfter(now) ? PENDING : COUNT;
    }

    /**
     * How the post as stored is counted. Every write stamps updatedAt with the moment it counts
     * by, so the read model carries the tally: undoing a post's contribution needs no second read.
     */
    static Tally asWritten(PostSummary post) {
        return of(post, post.updatedAt());
    }
}
