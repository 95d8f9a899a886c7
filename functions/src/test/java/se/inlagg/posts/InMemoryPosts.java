package se.inlagg.posts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** A repository in memory for the service's rules; it can pretend others win races. */
final class InMemoryPosts implements PostRepository {

    final Map<String, Post> bySlug = new LinkedHashMap<>();
    final Map<String, IdempotencyRecord> records = new HashMap<>();
    final AtomicInteger staleAnswersLeft = new AtomicInteger();
    final Set<String> slugsClaimedBehindOurBack = new HashSet<>();
    int writes;

    @Override
    public Set<String> takenSlugs(List<String> candidates) {
        Set<String> taken = new HashSet<>(candidates);
        taken.retainAll(bySlug.keySet());
        return taken;
    }

    @Override
    public Write<Post> create(Post post, Instant now, Optional<IdempotentRequest> request) {
        if (slugsClaimedBehindOurBack.remove(post.slug())) {
            bySlug.put(post.slug(), post);
            return new Write.SlugTaken<>();
        }
        if (staleAnswersLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new Write.Stale<>();
        }
        writes++;
        bySlug.put(post.slug(), post);
        request.ifPresent(r -> records.put(post.summary().authorId() + "#" + r.keySha256(), new IdempotencyRecord(
                r.requestSha256(), post.id(), post.version(), now.plus(IdempotentRequest.LIFETIME))));
        return new Write.Applied<>(post);
    }

    @Override
    public Optional<Post> findBySlug(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    @Override
    public Optional<Post> findById(String id) {
        return bySlug.values().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    @Override
    public Write<PostSummary> update(PostSummary current, PostSummary next, Optional<String> body, Instant now) {
        if (staleAnswersLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new Write.Stale<>();
        }
        Post stored = bySlug.get(current.slug());
        if (stored == null || stored.version() != current.version()) {
            return new Write.Stale<>();
        }
        writes++;
        bySlug.put(current.slug(), new Post(next, body.orElse(stored.body())));
        return new Write.Applied<>(next);
    }

    @Override
    public Write<PostSummary> delete(PostSummary current) {
        Post stored = bySlug.get(current.slug());
        if (stored == null || stored.version() != current.version()) {
            return new Write.Stale<>();
        }
        writes++;
        bySlug.remove(current.slug());
        return new Write.Applied<>(current);
    }

    @Override
    public Optional<IdempotencyRecord> idempotencyRecord(String authorId, String keySha256, Instant now) {
        return Optional.ofNullable(records.get(authorId + "#" + keySha256)).filter(r -> r.expiresAt().isAfter(now));
    }

    @Override
    public Outcome<Page<PostSummary>> page(ListQuery query, Instant now) {
        List<PostSummary> visible = new ArrayList<>();
        bySlug.values().forEach(p -> {
            if (p.summary().visibleAt(now)) {
                visible.add(p.summary());
            }
        });
        return Outcome.done(new Page<>(visible, Optional.empty()));
    }

    @Override
    public Map<String, String> bodies(List<String> postIds) {
        Map<String, String> bodies = new HashMap<>();
        bySlug.values().stream().filter(p -> postIds.contains(p.id())).forEach(p -> bodies.put(p.id(), p.body()));
        return bodies;
    }

    @Override
    public List<PostSummary> drafts(String authorId) {
        return bySlug.values().stream().map(Post::summary)
                .filter(s -> s.status() == Status.DRAFT && s.authorId().equals(authorId)).toList();
    }

    @Override
    public List<TagCount> tagCounts(Instant now) {
        return List.of();
    }

    @Override
    public Optional<Tag> findTag(String slug) {
        return bySlug.values().stream().flatMap(p -> p.summary().tags().stream())
                .filter(t -> t.slug().equals(slug)).findFirst();
    }
}
