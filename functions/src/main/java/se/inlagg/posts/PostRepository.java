package se.inlagg.posts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where posts are kept, in the domain's words. The DynamoDB store implements it; its keys,
 * indexes and transactions stay behind this interface. Every write is all-or-nothing.
 */
public interface PostRepository {

    /** Which of these slugs other posts already hold. */
    Set<String> takenSlugs(List<String> candidates);

    /**
     * Stores a new post with its tags and, for an idempotent request, the record of it (for its
     * author, until {@link IdempotentRequest#LIFETIME} from now); tag names come back as the tags
     * were first named. Stale when a tag or a live record under the same key appeared meanwhile.
     */
    Write<Post> create(Post post, Instant now, Optional<IdempotentRequest> request);

    /** The post that holds this slug, read consistently. */
    Optional<Post> findBySlug(String slug);

    /** The post with this id, read consistently. */
    Optional<Post> findById(String id);

    /**
     * Replaces the post's summary (every copy of it, in each tag) and, when given, its body, if
     * the post is still at the version of {@code current}. Tag counts follow in the same write.
     */
    Write<PostSummary> update(PostSummary current, PostSummary next, Optional<String> body, Instant now);

    /** Removes the post, its body, its tag entries and its slug, if it is still at this version. */
    Write<PostSummary> delete(PostSummary current);

    /** A create remembered under this author's key, unless it has expired. */
    Optional<IdempotencyRecord> idempotencyRecord(String authorId, String keySha256, Instant now);

    /** A page of visible posts, newest first; a cursor that is not this list's is refused. */
    Outcome<Page<PostSummary>> page(ListQuery query, Instant now);

    /** The Markdown bodies of these posts, by post id, in one batch (a feed shows whole posts). */
    java.util.Map<String, String> bodies(List<String> postIds);

    /** One author's drafts, the most recently changed first. */
    List<PostSummary> drafts(String authorId);

    /** Every tag with at least one visible post. */
    List<TagCount> tagCounts(Instant now);

    /** The tag with this slug, when it exists. */
    Optional<Tag> findTag(String slug);
}
