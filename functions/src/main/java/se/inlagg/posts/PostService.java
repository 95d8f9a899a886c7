package se.inlagg.posts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

/** The rules of posts and tags; it knows nothing of HTTP and nothing of DynamoDB. */
public final class PostService {

    /** Slug candidates looked up in one batch: title, title-2, … title-10. */
    static final int SLUG_BATCH = 10;
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final PostRepository repository;
    private final SiteTime time;
    private final Duration writeBudget;

    /**
     * @param writeBudget how long a write may keep re-reading and retrying when other writers
     *                    change the same post first; then it answers Busy
     */
    public PostService(PostRepository repository, SiteTime time, Duration writeBudget) {
        this.repository = repository;
        this.time = time;
        this.writeBudget = writeBudget;
    }

    public SiteTime time() {
        return time;
    }

    /** A new post; with an idempotent request, a retry answers the post the first request made. */
    public Outcome<Post> create(PostDraft draft, String authorId, Optional<IdempotentRequest> request) {
        return switch (PostRules.check(draft, time)) {
            case Outcome.Refused<PostRules.Checked> r -> Outcome.refused(r.refusal());
            case Outcome.Done<PostRules.Checked> d -> store(d.value(), authorId, request);
        };
    }

    private Outcome<Post> store(PostRules.Checked c, String authorId, Optional<IdempotentRequest> request) {
        Instant now = time.now();
        String id = Ids.newId();
        String base = Slugs.forTitle(c.title());
        int first = 1;
        Backoff backoff = Backoff.within(writeBudget);
        do {
            Optional<Outcome<Post>> replay = request.flatMap(r -> replay(authorId, r, now));
            if (replay.isPresent()) {
                return replay.get();
            }
            List<String> candidates = IntStream.range(first, first + SLUG_BATCH)
                    .mapToObj(n -> Slugs.candidate(base, n)).toList();
            Set<String> taken = repository.takenSlugs(candidates);
            Optional<String> free = candidates.stream().filter(s -> !taken.contains(s)).findFirst();
            if (free.isEmpty()) {
                first += SLUG_BATCH;
                continue;
            }
            var summary = new PostSummary(id, free.get(), c.title(), c.excerpt(), c.byline(), c.tags(),
                    c.image(), c.status(), c.publishedAt().orElse(now), now, 1, authorId);
            switch (repository.create(new Post(summary, c.body()), now, request)) {
                case Write.Applied<Post> a -> {
                    return Outcome.done(a.value());
                }
                case Write.SlugTaken<Post> s -> first += candidates.indexOf(free.get()) + 1;
                case Write.Stale<Post> s -> { /* a tag or the same key was written meanwhile: read again */ }
            }
        } while (backoff.pause());
        return Outcome.refused(new Refusal.Busy(RETRY_AFTER));
    }

    /** The first answer to a repeated request, or a refusal when the key came with another request. */
    private Optional<Outcome<Post>> replay(String authorId, IdempotentRequest request, Instant now) {
        return repository.idempotencyRecord(authorId, request.keySha256(), now).map(record -> {
            if (!record.requestSha256().equals(request.requestSha256())) {
                return Outcome.refused(new Refusal.Unprocessable("idempotency_key_reused",
                        "This Idempotency-Key was used for a different request; use a new key.", "Idempotency-Key"));
            }
            return repository.findById(record.postId()).<Outcome<Post>>map(Outcome::done)
                    .orElseGet(() -> Outcome.refused(new Refusal.NotFound("post (it was created with this key and deleted since)")));
        });
    }

    /** A post by slug as this reader may see it: drafts and future posts only for their author. */
    public Outcome<Post> get(String slug, Optional<String> readerAuthorId) {
        Optional<Post> post = Slugs.isSlug(slug) ? repository.findBySlug(slug) : Optional.empty();
        return post.filter(p -> p.summary().visibleAt(time.now())
                        || readerAuthorId.filter(p.summary().authorId()::equals).isPresent())
                .<Outcome<Post>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(new Refusal.NotFound("post")));
    }

    /**
     * Applies an edited draft to the post as it was read. The slug stays (it is the permalink);
     * a draft published with a past date is published now, so it is not buried in the archive.
     */
    public Outcome<Post> edit(Post current, PostDraft draft) {
        PostRules.Checked c;
        switch (PostRules.check(draft, time)) {
            case Outcome.Refused<PostRules.Checked> r -> {
                return Outcome.refused(r.refusal());
            }
            case Outcome.Done<PostRules.Checked> d -> c = d.value();
        }
        Instant now = time.now();
        PostSummary was = current.summary();
        Instant publishedAt = c.publishedAt().orElse(was.publishedAt());
        boolean publishing = was.status() == Status.DRAFT && c.status() == Status.PUBLISHED;
        if (publishing && publishedAt.equals(was.publishedAt()) && !publishedAt.isAfter(now)) {
            publishedAt = now;
        }
        var next = new PostSummary(was.id(), was.slug(), c.title(), c.excerpt(), c.byline(), c.tags(), c.image(),
                c.status(), publishedAt, now, was.version() + 1, was.authorId());
        return switch (repository.update(was, next, Optional.of(c.body()), now)) {
            case Write.Applied<PostSummary> a -> Outcome.done(new Post(a.value(), c.body()));
            case Write.Stale<PostSummary> s -> Outcome.refused(new Refusal.Stale("The post changed since it was read."));
            case Write.SlugTaken<PostSummary> s -> throw new IllegalStateException("an edit never claims a slug");
        };
    }

    /**
     * Deletes a post. With an expected version (If-Match), a post changed since is refused;
     * without one, the delete reads again and wins over concurrent edits.
     */
    public Outcome<PostSummary> delete(String slug, Optional<Long> expectedVersion, Optional<String> readerAuthorId) {
        Backoff backoff = Backoff.within(writeBudget);
        do {
            Optional<Post> post = visibleTo(slug, readerAuthorId);
            if (post.isEmpty()) {
                return Outcome.refused(new Refusal.NotFound("post"));
            }
            PostSummary current = post.get().summary();
            if (expectedVersion.isPresent() && expectedVersion.get() != current.version()) {
                return Outcome.refused(new Refusal.Stale("The post changed since the version in If-Match."));
            }
            if (repository.delete(current) instanceof Write.Applied<PostSummary> a) {
                return Outcome.done(a.value());
            }
        } while (backoff.pause());
        return Outcome.refused(new Refusal.Busy(RETRY_AFTER));
    }

    public Outcome<Page<PostSummary>> list(ListQuery query) {
        return repository.page(query, time.now());
    }

    /** The newest visible posts with their bodies, for a feed. */
    public Outcome<List<Post>> latest(Optional<String> tagSlug, int count) {
        return switch (list(new ListQuery(tagSlug, Optional.empty(), count, Optional.empty()))) {
            case Outcome.Refused<Page<PostSummary>> r -> Outcome.refused(r.refusal());
            case Outcome.Done<Page<PostSummary>> d -> {
                var bodies = repository.bodies(d.value().items().stream().map(PostSummary::id).toList());
                yield Outcome.done(d.value().items().stream()
                        .map(s -> new Post(s, bodies.getOrDefault(s.id(), ""))).toList());
            }
        };
    }

    public List<PostSummary> drafts(String authorId) {
        return repository.drafts(authorId);
    }

    public List<TagCount> tags() {
        return repository.tagCounts(time.now());
    }

    /** The tag named by a slug or by a name as typed ("Frivård"), when one exists. */
    public Optional<Tag> findTag(String slugOrName) {
        String slug = Slugs.isSlug(slugOrName) ? slugOrName : Slugs.of(Tag.normalizeName(slugOrName));
        return slug.isEmpty() ? Optional.empty() : repository.findTag(slug);
    }

    public Outcome<PostSummary> addTags(String slug, List<String> names, String authorId) {
        return withTags(names, given -> changeTags(slug, authorId, current -> {
            List<Tag> all = new ArrayList<>(current);
            all.addAll(given);
            return Optional.of(Tag.distinct(all));
        }));
    }

    public Outcome<PostSummary> replaceTags(String slug, List<String> names, String authorId) {
        return withTags(names, given -> changeTags(slug, authorId, current -> Optional.of(given)));
    }

    public Outcome<PostSummary> removeTag(String slug, String tagSlug, String authorId) {
        return changeTags(slug, authorId, current -> current.stream().anyMatch(t -> t.slug().equals(tagSlug))
                ? Optional.of(current.stream().filter(t -> !t.slug().equals(tagSlug)).toList())
                : Optional.empty());
    }

    private static Outcome<PostSummary> withTags(List<String> names, Function<List<Tag>, Outcome<PostSummary>> then) {
        return switch (PostRules.checkTags(names)) {
            case Outcome.Refused<List<Tag>> r -> Outcome.refused(r.refusal());
            case Outcome.Done<List<Tag>> d -> then.apply(d.value());
        };
    }

    /**
     * Reads the post, applies the change to its current tags and writes it conditioned on the
     * version read; when another writer got there first, it reads again rather than lose their tags.
     * A change that answers empty names a tag the post does not have.
     */
    private Outcome<PostSummary> changeTags(String slug, String authorId, Function<List<Tag>, Optional<List<Tag>>> change) {
        Backoff backoff = Backoff.within(writeBudget);
        do {
            Optional<Post> post = visibleTo(slug, Optional.of(authorId));
            if (post.isEmpty()) {
                return Outcome.refused(new Refusal.NotFound("post"));
            }
            PostSummary current = post.get().summary();
            Optional<List<Tag>> changed = change.apply(current.tags());
            if (changed.isEmpty()) {
                return Outcome.refused(new Refusal.NotFound("tag on this post"));
            }
            List<Tag> next = changed.get();
            if (next.size() > Tag.MAX_PER_POST) {
                return Outcome.refused(new Refusal.Unprocessable("too_many_tags",
                        "A post has at most " + Tag.MAX_PER_POST + " tags; this one has " + current.tags().size() + ".", "tags"));
            }
            if (sameSlugs(next, current.tags())) {
                return Outcome.done(current);
            }
            Instant now = time.now();
            if (repository.update(current, current.withTags(next, now), Optional.empty(), now) instanceof Write.Applied<PostSummary> a) {
                return Outcome.done(a.value());
            }
        } while (backoff.pause());
        return Outcome.refused(new Refusal.Busy(RETRY_AFTER));
    }

    private Optional<Post> visibleTo(String slug, Optional<String> authorId) {
        return get(slug, authorId) instanceof Outcome.Done<Post> d ? Optional.of(d.value()) : Optional.empty();
    }

    private static boolean sameSlugs(List<Tag> a, List<Tag> b) {
        return a.stream().map(Tag::slug).toList().equals(b.stream().map(Tag::slug).toList());
    }
}
