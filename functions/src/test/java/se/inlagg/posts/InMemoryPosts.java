package se.inlagg.posts;

import java.time.Instant;
import java.util.ArrayList;
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
    public Write<Post> create(Post post, Instant now) {
        if (slugsClaimedBehindOurBack.remove(post.slug())) {
            bySlug.put(post.slug(), post);
            return new Write.SlugTaken<>();
        }
        if (staleAnswersLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new Write.Stale<>();
        }
        writes++;
        bySlug.put(post.slug(), post);
        return new Write.Applied<>(post);
    }

    @Override
    public Optional<Post> findBySlug(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    @Override
    public Write<PostSummary> replaceTags(PostSummary current, List<Tag> tags, Instant now) {
        if (staleAnswersLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new Write.Stale<>();
        }
        Post stored = bySlug.get(current.slug());
        if (stored.version() != current.version()) {
            return new Write.Stale<>();
        }
        writes++;
        PostSummary next = current.withTags(tags, now);
        bySlug.put(current.slug(), new Post(next, stored.body()));
        return new Write.Applied<>(next);
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
    public List<TagCount> tagCounts(Instant now) {
        return List.of();
    }

    @Override
    public Optional<Tag> findTag(String slug) {
        return bySlug.values().stream().flatMap(p -> p.summary().tags().stream())
                .filter(t -> t.slug().equals(slug)).findFirst();
    }
}
