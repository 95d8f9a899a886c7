package se.inlagg.posts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** A repository in memory for the service's rules; it can pretend others win races, and counts its calls. */
public final class InMemoryPosts implements PostRepository {

    final Map<String, Post> bySlug = new LinkedHashMap<>();
    final Map<String, Long> slugCounters = new HashMap<>();
    final Map<String, IdempotencyRecord> records = new HashMap<>();
    public final AtomicInteger staleAnswersLeft = new AtomicInteger();
    /** Thrown by the next update, as a write whose fate is unknown (a network failure) would be. */
    public RuntimeException nextUpdateThrows;
    /**
     * Holds the next update back and answers it Busy, as DynamoPostRepository answers a write DynamoDB was still applying
     * when its budget ran out: one that may yet commit. {@link #heldUpdate} then lands it.
     */
    public boolean holdNextUpdate;
    public Supplier<Write<PostSummary>> heldUpdate;
    final Set<String> slugsClaimedBehindOurBack = new HashSet<>();
    /** The slugs of deleted posts: as in the table, their claims stay. */
    final Set<String> slugsOfDeletedPosts = new HashSet<>();
    /** Posts the list index still shows as they were, by id: a GSI catches up with the table a moment later. */
    public final Map<String, Post> listedAsBefore = new HashMap<>();
    int writes;
    /** Each post's earlier versions by number, as its edits kept them. */
    final Map<String, TreeMap<Long, PostVersion>> versions = new HashMap<>();
    /** Calls made, from any thread: the post page's reads run side by side. */
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public CreateBasis createBasis(String base, List<Facet> facets) {
        calls.incrementAndGet();
        return new CreateBasis(slugCounters.getOrDefault(base, 0L), List.of());
    }

    @Override
    public CreateWrite<Post> create(Post post, SlugClaim claim, CreateBasis basis, Instant now, Optional<IdempotentRequest> request) {
        calls.incrementAndGet();
        if (slugsOfDeletedPosts.contains(post.slug())) {
            return new CreateWrite.SlugTaken<>();
        }
        if (slugsClaimedBehindOurBack.remove(post.slug()) || bySlug.containsKey(post.slug())) {
            bySlug.putIfAbsent(post.slug(), post);
            return new CreateWrite.SlugTaken<>();
        }
        if (staleAnswersLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new Write.Stale<>();
        }
        if (slugCounters.getOrDefault(claim.base(), 0L) != claim.lastSeen()) {
            return new Write.Stale<>();
        }
        // As the table's condition on the request's record: a live one under the same key fails the write.
        if (request.map(r -> records.get(post.summary().authorId() + "#" + r.keySha256()))
                .filter(record -> record.expiresAt().isAfter(now)).isPresent()) {
            return new Write.Stale<>();
        }
        writes++;
        slugCounters.put(claim.base(), (long) claim.number());
        bySlug.put(post.slug(), post);
        request.ifPresent(r -> records.put(post.summary().authorId() + "#" + r.keySha256(), new IdempotencyRecord(
                r.requestSha256(), r.commandSha256(), post.id(), post.version(), now.plus(IdempotentRequest.LIFETIME), r.sentFrom())));
        return new Write.Applied<>(post);
    }

    @Override
    public Optional<Post> findBySlug(String slug, Predicate<PostSummary> readable) {
        calls.incrementAndGet();
        return Optional.ofNullable(bySlug.get(slug)).filter(p -> readable.test(p.summary()));
    }

    @Override
    public Optional<PostSummary> findSummaryBySlug(String slug) {
        calls.incrementAndGet();
        return Optional.ofNullable(bySlug.get(slug)).map(Post::summary);
    }

    @Override
    public <T> T readingAhead(String slug, List<Facet> facets, Supplier<T> work) {
        return work.get();
    }

    @Override
    public Optional<Post> findById(String id) {
        calls.incrementAndGet();
        return bySlug.values().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    @Override
    public Write<PostSummary> update(PostSummary current, PostSummary next, Optional<Body> body, Instant now) {
        calls.incrementAndGet();
        if (nextUpdateThrows != null) {
            RuntimeException e = nextUpdateThrows;
            nextUpdateThrows = null;
            throw e;
        }
        if (holdNextUpdate) {
            holdNextUpdate = false;
            heldUpdate = () -> update(current, next, body, now);
            return new Write.Busy<>();
        }
        if (staleAnswersLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new Write.Stale<>();
        }
        Post stored = bySlug.get(current.slug());
        if (stored == null || stored.version() != current.version()) {
            return new Write.Stale<>();
        }
        writes++;
        Body kept = body.orElse(new Body(stored.body(), stored.bodyHtml()));
        bySlug.put(current.slug(), new Post(next, kept.markdown(), kept.html()));
        return new Write.Applied<>(next);
    }

    @Override
    public Write<PostSummary> edit(Post current, PostSummary next, Body body, Instant now) {
        Write<PostSummary> written = update(current.summary(), next, Optional.of(body), now);
        if (written instanceof Write.Applied<PostSummary>) {
            versions.computeIfAbsent(current.id(), id -> new TreeMap<>())
                    .put(current.version(), new PostVersion(current, now));
        }
        return written;
    }

    @Override
    public Page<PostVersion> versions(String postId, OptionalLong before, int limit, Instant now) {
        List<PostVersion> all = new ArrayList<>(versions.getOrDefault(postId, new TreeMap<>()).descendingMap().values());
        List<PostVersion> after = all.stream().filter(v -> before.isEmpty() || v.number() < before.getAsLong())
                .filter(v -> v.replacedAt().plus(PostVersion.KEPT_FOR).isAfter(now)).toList();
        return new Page<>(after.stream().limit(limit).toList(),
                after.size() > limit ? Optional.of(Long.toString(after.get(limit - 1).number())) : Optional.empty());
    }

    @Override
    public Optional<PostVersion> version(String postId, long number, Instant now) {
        return Optional.ofNullable(versions.getOrDefault(postId, new TreeMap<>()).get(number))
                .filter(v -> v.replacedAt().plus(PostVersion.KEPT_FOR).isAfter(now));
    }

    @Override
    public Write<PostSummary> delete(PostSummary current) {
        calls.incrementAndGet();
        Post stored = bySlug.get(current.slug());
        if (stored == null || stored.version() != current.version()) {
            return new Write.Stale<>();
        }
        writes++;
        versions.remove(current.id());
        bySlug.remove(current.slug());
        slugsOfDeletedPosts.add(current.slug());
        return new Write.Applied<>(current);
    }

    @Override
    public Optional<IdempotencyRecord> idempotencyRecord(String authorId, String keySha256, Instant now) {
        calls.incrementAndGet();
        return Optional.ofNullable(records.get(authorId + "#" + keySha256)).filter(r -> r.expiresAt().isAfter(now));
    }

    @Override
    public Outcome<Page<PostSummary>> page(ListQuery query, Instant now) {
        calls.incrementAndGet();
        meet();
        List<PostSummary> visible = new ArrayList<>();
        bySlug.values().forEach(p -> {
            if (p.summary().visibleAt(now)) {
                visible.add(p.summary());
            }
        });
        return Outcome.done(new Page<>(visible, Optional.empty()));
    }

    @Override
    public Optional<PostSummary> neighbour(PostSummary post, Neighbours.Side side, Instant now) {
        calls.incrementAndGet();
        meet();
        List<PostSummary> visible = bySlug.values().stream().map(Post::summary).filter(s -> s.visibleAt(now))
                .sorted(Comparator.comparing(PostSummary::publishedAt)).toList();
        int at = visible.stream().map(PostSummary::id).toList().indexOf(post.id()) + (side == Neighbours.Side.NEWER ? 1 : -1);
        return at >= 0 && at < visible.size() ? Optional.of(visible.get(at)) : Optional.empty();
    }

    /**
     * When set, each list, neighbour and facet read waits here until as many reads as the barrier has parties
     * are waiting with it: reads made one after another never all arrive, and the first one's wait
     * breaks the barrier.
     */
    public volatile CyclicBarrier readsMeet;

    private void meet() {
        var barrier = readsMeet;
        if (barrier != null) {
            try {
                barrier.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("the reads did not all arrive together", e);
            }
        }
    }

    @Override
    public Page<Post> published(int limit, Optional<String> cursor) {
        calls.incrementAndGet();
        int from = cursor.map(Integer::parseInt).orElse(0);
        Map<String, Post> listed = new LinkedHashMap<>();
        bySlug.values().forEach(p -> listed.put(p.id(), p));
        listed.putAll(listedAsBefore);
        List<Post> all = listed.values().stream().filter(p -> p.summary().status() == Status.PUBLISHED)
                .sorted(Comparator.comparing((Post p) -> p.summary().publishedAt()).reversed()).toList();
        List<Post> page = all.subList(Math.min(from, all.size()), Math.min(from + limit, all.size()));
        return new Page<>(page, from + limit < all.size() ? Optional.of(Integer.toString(from + limit)) : Optional.empty());
    }

    @Override
    public Map<String, String> bodiesHtml(List<String> postIds) {
        calls.incrementAndGet();
        Map<String, String> bodies = new HashMap<>();
        bySlug.values().stream().filter(p -> postIds.contains(p.id())).forEach(p -> bodies.put(p.id(), p.bodyHtml()));
        return bodies;
    }

    @Override
    public Outcome<Page<PostSummary>> authorPosts(String authorId, Optional<Status> status, int limit, Optional<String> cursor) {
        calls.incrementAndGet();
        return Outcome.done(new Page<>(bySlug.values().stream().map(Post::summary)
                .filter(s -> s.authorId().equals(authorId) && status.map(s.status()::equals).orElse(true)).limit(limit).toList(),
                Optional.empty()));
    }

    @Override
    public List<PostSummary> authorPostsChanged(String authorId, Instant since, Instant until) {
        calls.incrementAndGet();
        Instant from = since.truncatedTo(ChronoUnit.SECONDS);
        Instant to = until.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        return bySlug.values().stream().map(Post::summary)
                .filter(s -> s.authorId().equals(authorId) && !s.updatedAt().isBefore(from) && s.updatedAt().isBefore(to))
                .sorted(Comparator.comparing(PostSummary::updatedAt).reversed()).toList();
    }

    @Override
    public List<FacetCount> facetCounts(Facet.Kind kind, Instant now) {
        calls.incrementAndGet();
        Map<String, FacetCount> counts = new LinkedHashMap<>();
        bySlug.values().stream().map(Post::summary).filter(s -> s.visibleAt(now))
                .flatMap(s -> s.facets(ZoneId.of("Europe/Stockholm")).stream()).filter(f -> f.kind() == kind)
                .forEach(f -> counts.merge(f.slug(), new FacetCount(f, 1), (a, b) -> new FacetCount(a.facet(), a.count() + 1)));
        return List.copyOf(counts.values());
    }

    @Override
    public Optional<FacetCount> findFacet(Facet.Kind kind, String slug, Instant now) {
        calls.incrementAndGet();
        meet();
        List<Facet> all = bySlug.values().stream().map(Post::summary)
                .flatMap(s -> s.facets(ZoneId.of("Europe/Stockholm")).stream())
                .filter(f -> f.kind() == kind && f.slug().equals(slug)).toList();
        if (all.isEmpty()) {
            return Optional.empty();
        }
        long visible = bySlug.values().stream().map(Post::summary).filter(s -> s.visibleAt(now))
                .filter(s -> s.facets(ZoneId.of("Europe/Stockholm")).stream().anyMatch(f -> f.kind() == kind && f.slug().equals(slug)))
                .count();
        return Optional.of(new FacetCount(all.getFirst(), visible));
    }

    /** As the store names them: by a visible or scheduled post's spelling, where one has the category. */
    @Override
    public List<Tag> namedAsStored(List<Tag> tags) {
        calls.incrementAndGet();
        return tags.stream().map(t -> bySlug.values().stream().map(Post::summary).filter(s -> s.status() == Status.PUBLISHED)
                .flatMap(s -> s.tags().stream()).filter(o -> o.slug().equals(t.slug())).findFirst().orElse(t)).toList();
    }
}
