package se.inlagg.posts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where posts are kept, in the domain's words. The DynamoDB store implements it; its keys,
 * indexes and transactions stay behind this interface.
 */
public interface PostRepository {

    /** Which of these slugs other posts already hold. */
    Set<String> takenSlugs(List<String> candidates);

    /** Stores a new post with its tags; tag names come back as the tags were first named. */
    Write<Post> create(Post post, Instant now);

    /** The post that holds this slug, read consistently. */
    Optional<Post> findBySlug(String slug);

    /** Gives the post exactly these tags, if it is still at the version given. */
    Write<PostSummary> replaceTags(PostSummary current, List<Tag> tags, Instant now);

    /** A page of visible posts, newest first; a cursor that is not this list's is refused. */
    Outcome<Page<PostSummary>> page(ListQuery query, Instant now);

    /** Every tag with at least one visible post. */
    List<TagCount> tagCounts(Instant now);

    /** The tag with this slug, when it exists. */
    Optional<Tag> findTag(String slug);
}
