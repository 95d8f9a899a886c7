package se.inlagg.posts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Where posts are kept, in the domain's words. The DynamoDB store implements it; its keys,
 * indexes and transactions stay behind this interface. Every write is all-or-nothing, and every
 * read a fixed number of calls, however many posts there are.
 */
public interface PostRepository {

    /** The slug counter of this title's base and those of these facets that exist, read in one request. */
    CreateBasis createBasis(String base, List<Facet> facets);

    /**
     * Stores a new post under the claimed slug with its tags and, for an idempotent request, the
     * record of it (for its author, until {@link IdempotentRequest#LIFETIME} from now); tag names
     * come back as the basis read them. SlugTaken when another post
     * holds the slug; Stale when the slug counter, a facet or a live record under the same key
     * changed since the basis was read.
     */
    CreateWrite<Post> create(Post post, SlugClaim claim, CreateBasis basis, Instant now, Optional<IdempotentRequest> request);

    /**
     * The post that holds this slug, with its body, read consistently, when {@code readable} (this reader may see it).
     * One the reader may not see is looked for on as a missing one is, so that its 404 takes as long: a reader timing
     * them could otherwise tell a guessed title's draft or scheduled post from no post at all.
     */
    Optional<Post> findBySlug(String slug, Predicate<PostSummary> readable);

    /** The post's summary only, read consistently: what a change of tags needs. */
    Optional<PostSummary> findSummaryBySlug(String slug);

    /**
     * Does {@code work}, a change of the post with this slug that may give it these facets, with the post
     * and the facets' counters read first in one call: its reads of them inside take what was read.
     */
    <T> T readingAhead(String slug, List<Facet> facets, Supplier<T> work);

    /** The post with this id, read consistently. */
    Optional<Post> findById(String id);

    /**
     * Replaces the post's summary (every copy of it) and, when given, its body, if the post is
     * still at the version of {@code current}. Counts follow in the same write.
     */
    Write<PostSummary> update(PostSummary current, PostSummary next, Optional<Body> body, Instant now);

    /**
     * An author's edit: {@link #update} with this body, and in the same write the post as it was kept as an earlier
     * version ({@link PostVersion}) until {@link PostVersion#KEPT_FOR} from {@code now}.
     */
    Write<PostSummary> edit(Post current, PostSummary next, Body body, Instant now);

    /**
     * The post's earlier versions, the newest first, at most {@code limit}: those numbered below {@code before} when it
     * is given (the page after one that ended there). One that has outlived {@link PostVersion#KEPT_FOR} is not among
     * them, though DynamoDB may not have removed it yet.
     */
    Page<PostVersion> versions(String postId, OptionalLong before, int limit, Instant now);

    /** One earlier version of the post, by its number, unless it is none or has outlived its time. */
    Optional<PostVersion> version(String postId, long number, Instant now);

    /**
     * Removes the post, its body, its list entries and its earlier versions (as many as its one transaction has room
     * for; the rest when their time has passed), if it is still at this version. Its slug stays claimed,
     * so neither the slug nor the id it names ever comes back for another post.
     */
    Write<PostSummary> delete(PostSummary current);

    /** A create remembered under this author's key, unless it has expired. */
    Optional<IdempotencyRecord> idempotencyRecord(String authorId, String keySha256, Instant now);

    /**
     * A page of visible posts, newest first, and the cursors of the pages after and before it; a
     * cursor that is not this list's is refused. One Query whichever way the reader pages.
     */
    Outcome<Page<PostSummary>> page(ListQuery query, Instant now);

    /** The visible post just newer or just older than this one among all posts: a one-item Query. */
    Optional<PostSummary> neighbour(PostSummary post, Neighbours.Side side, Instant now);

    /**
     * Every published post, scheduled ones included, with its body, newest first, a page at a time:
     * what a rebuild of the search index reads. Each page is one Query and a batch read of bodies.
     */
    Page<Post> published(int limit, Optional<String> cursor);

    /** The bodies of these posts as HTML, by post id, in one batch (a feed shows whole posts). */
    Map<String, String> bodiesHtml(List<String> postIds);

    /**
     * One author's posts of every status, or of one, the most recently changed first, a page at a time. A page of one
     * status reads a bounded part of the list, so it may hold fewer than {@code limit} (none, even) and still have a
     * next page.
     */
    Outcome<Page<PostSummary>> authorPosts(String authorId, Optional<Status> status, int limit, Optional<String> cursor);

    /** One author's posts last changed from {@code since} to {@code until} (to the second), the most recent first. */
    List<PostSummary> authorPostsChanged(String authorId, Instant since, Instant until);

    /** Every facet of a kind with at least one visible post, with how many. */
    List<FacetCount> facetCounts(Facet.Kind kind, Instant now);

    /** The facet of this kind and slug, with its visible count, when any post ever had it. */
    Optional<FacetCount> findFacet(Facet.Kind kind, String slug, Instant now);

    /**
     * These categories named as a write would store them, read in one request: one that a post counts in (visible or
     * scheduled) by the name readers see, one that counts none (only drafts had it, or none) by the name given.
     */
    List<Tag> namedAsStored(List<Tag> tags);
}
