package se.inlagg.store;

import java.time.Instant;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.Status;

/**
 * How a post's tags are counted in the tag items: in the plain count (visible when written), in
 * the pending map (scheduled: counted once its time has passed, with no job), or not at all (draft).
 * It is stored on the post, so undoing a post's contribution needs no guess about the past.
 */
enum Tally {
    COUNT, PENDING, NONE;

    static Tally of(PostSummary post, Instant now) {
        if (post.status() != Status.PUBLISHED) {
            return NONE;
        }
        return post.publishedAt().isAfter(now) ? PENDING : COUNT;
    }
}
