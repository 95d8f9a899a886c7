package se.inlagg.posts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

/** The rules of posts and tags; it knows nothing of HTTP and nothing of DynamoDB. */
public final class PostService {

    /** How many fresh reads a write may make when others keep changing the same post. */
    static final int MAX_ATTEMPTS = 8;
    /** Slug candidates looked up in one batch: title, title-2, … title-10. */
    static final int SLUG_BATCH = 10;
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final PostRepository repository;
    private final SiteTime time;

    public PostService(PostRepository repository, SiteTime time) {
        this.repository = repository;
        this.time = time;
    }

    public SiteTime time() {
        return time;
    }

    public Outcome<Post> create(PostDraft draft, String authorId) {
        return switch (PostRules.check(draft, time)) {
            case Outcome.Refused<PostRules.Checked> r -> Outcome.refused(r.refusal());
            case Outcome.Done<PostRules.Checked> d -> store(d.value(), authorId);
        };
    }

    private Outcome<Post> store(PostRules.Checked c, String authorId) {
        var now = time.now();
        String id = Ids.newId();
        String base = Slugs.forTitle(c.title());
        int first = 1;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
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
            switch (repository.create(new Post(summary, c.body()), now)) {
                case Write.Applied<Post> a -> {
                    return Outcome.done(a.value());
                }
                case Write.SlugTaken<Post> s -> first = candidates.indexOf(free.get()) + first + 1;
                case Write.Stale<Post> s -> { /* a tag was created meanwhile: read again */ }
            }
        }
        return Outcome.refused(new Refusal.Busy(RETRY_AFTER));
    }

    /** A post by slug as this reader may see it: drafts and future posts only for their author. */
    public Outcome<Post> get(String slug, Optional<String> readerAuthorId) {
        Optional<Post> post = Slugs.isSlug(slug) ? repository.findBySlug(slug) : Optional.empty();
        return post.filter(p -> p.summary().visibleAt(time.now())
                        || readerAuthorId.filter(p.summary().authorId()::equals).isPresent())
                .<Outcome<Post>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(new Refusal.NotFound("post")));
    }

    public Outcome<Page<PostSummary>> list(ListQuery query) {
        return repository.page(query, time.now());
    }

    public List<TagCount> tags() {
        return repository.tagCounts(time.now());
    }

    /** The tag named by a slug or by a name as typed ("Frivård"), when one exists. */
    public Optional<Tag> findTag(String slugOrName) {
        String slug = Slugs.isSlug(slugOrName) ? slugOrName : Slugs.of(Tag.normalizeName(slugOrName));
        return slug.isEmpty() ? Optional.empty() : repository.findTag(slug);
    }

    public Outcome<PostSummary> addTags(String slug, List<String> names) {
        return changeTags(slug, names, added -> current -> {
            List<Tag> all = new ArrayList<>(current);
            all.addAll(added);
            return Tag.distinct(all);
        });
    }

    public Outcome<PostSummary> replaceTags(String slug, List<String> names) {
        return changeTags(slug, names, given -> current -> given);
    }

    public Outcome<PostSummary> removeTag(String slug, String tagSlug) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Post> post = Slugs.isSlug(slug) ? repository.findBySlug(slug) : Optional.empty();
            if (post.isEmpty()) {
                return Outcome.refused(new Refusal.NotFound("post"));
            }
            List<Tag> current = post.get().summary().tags();
            List<Tag> kept = current.stream().filter(t -> !t.slug().equals(tagSlug)).toList();
            if (kept.size() == current.size()) {
                return Outcome.refused(new Refusal.NotFound("tag on this post"));
            }
            if (repository.replaceTags(post.get().summary(), kept, time.now()) instanceof Write.Applied<PostSummary> a) {
                return Outcome.done(a.value());
            }
        }
        return Outcome.refused(new Refusal.Busy(RETRY_AFTER));
    }

    /**
     * Reads the post, applies the change to its current tags and writes it conditioned on the
     * version read; when another writer got there first, it reads again rather than lose their tags.
     */
    private Outcome<PostSummary> changeTags(String slug, List<String> names,
                                            Function<List<Tag>, Function<List<Tag>, List<Tag>>> change) {
        List<Tag> given;
        switch (PostRules.checkTags(names)) {
            case Outcome.Refused<List<Tag>> r -> {
                return Outcome.refused(r.refusal());
            }
            case Outcome.Done<List<Tag>> d -> given = d.value();
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Post> post = Slugs.isSlug(slug) ? repository.findBySlug(slug) : Optional.empty();
            if (post.isEmpty()) {
                return Outcome.refused(new Refusal.NotFound("post"));
            }
            PostSummary current = post.get().summary();
            List<Tag> next = change.apply(given).apply(current.tags());
            if (next.size() > Tag.MAX_PER_POST) {
                return Outcome.refused(new Refusal.Unprocessable("too_many_tags",
                        "a post has at most " + Tag.MAX_PER_POST + " tags; it has " + current.tags().size(), "tags"));
            }
            if (sameSlugs(next, current.tags())) {
                return Outcome.done(current);
            }
            if (repository.replaceTags(current, next, time.now()) instanceof Write.Applied<PostSummary> a) {
                return Outcome.done(a.value());
            }
        }
        return Outcome.refused(new Refusal.Busy(RETRY_AFTER));
    }

    private static boolean sameSlugs(List<Tag> a, List<Tag> b) {
        return a.stream().map(Tag::slug).toList().equals(b.stream().map(Tag::slug).toList());
    }
}
