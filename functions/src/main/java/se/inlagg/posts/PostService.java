package se.inlagg.posts;

import java.time.Duration;
import java.time.Instant;
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
import java.util.function.Function;
import java.util.function.Supplier;
import se.inlagg.ops.Log;
import se.inlagg.ops.Metrics;
import se.inlagg.ops.SideBySide;

/** The rules of posts and their facets; it knows nothing of HTTP and nothing of DynamoDB. */
public final class PostService {

    static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /** Related posts come from at most this many of a post's categories: one Query each. */
    static final int RELATED_CATEGORIES = 3;
    /** How long after an author saved a post a new one of the very same title is asked about first (the form's). */
    public static final Duration SAME_TITLE_JUST_NOW = Duration.ofMinutes(15);

    private final PostRepository repository;
    private final SiteTime time;
    private final Duration writeBudget;
    private final ImageFiles images;

    /**
     * @param writeBudget how long a write may keep re-reading and retrying when other writers
     *                    change the same post first; then it answers Busy
     */
    public PostService(PostRepository repository, SiteTime time, Duration writeBudget) {
        this(repository, time, writeBudget, ImageFiles.NONE);
    }

    /** @param images the files of the site's own pictures, which writes that drop a picture let go */
    public PostService(PostRepository repository, SiteTime time, Duration writeBudget, ImageFiles images) {
        this.repository = repository;
        this.time = time;
        this.writeBudget = writeBudget;
        this.images = images;
    }

    public SiteTime time() {
        return time;
    }

    /**
     * A new post; with an idempotent request, a retry answers the post the first request made. A retry is told by what
     * it asks for, as the rules read it ({@link CreateFingerprint}), not by how it spells it.
     */
    public Outcome<Post> create(PostDraft draft, String authorId, Optional<IdempotentRequest> request) {
        return switch (PostRules.check(draft, time)) {
            // A refused request sent exactly as one this key already created a post for is that request's retry: the post
            // was taken under the rules before a deploy made them stricter (a spring-gap time, a picture address with a
            // password), and its client, whose answer was lost, must get it, not a 400 for a post it has.
            case Outcome.Refused<PostRules.Checked> r -> request.flatMap(k -> answeredBefore(authorId, k))
                    .orElseGet(() -> Outcome.refused(r.refusal()));
            case Outcome.Done<PostRules.Checked> d ->
                    store(d.value(), authorId, request.map(r -> r.asking(CreateFingerprint.of(d.value()))));
        };
    }

    /**
     * Claims the title's next slug through its counter, in the same transaction as the post: a
     * fixed number of calls whether the title is new or the fortieth "Månadsmöte".
     */
    private Outcome<Post> store(PostRules.Checked c, String authorId, Optional<IdempotentRequest> request) {
        Instant now = time.now();
        String base = Slugs.forTitle(c.title());
        Body body = Body.of(c.body());
        Backoff backoff = Backoff.within(writeBudget);
        // A post's facets do not depend on its slug's number: the first candidate stands in until the basis gives it.
        String first = Slugs.candidate(base, 1);
        List<Facet> facets = summary(c, Ids.ofSlug(first), first, authorId, now).facets(time.zone());
        CreateBasis basis = repository.createBasis(base, facets);
        SlugClaim next = basis.firstClaim(base);
        while (true) {
            // The id is named by the slug (Ids.ofSlug), so a read by slug finds the post in the claim's own call.
            var summary = summary(c, Ids.ofSlug(next.slug()), next.slug(), authorId, now);
            switch (repository.create(new Post(summary, body.markdown(), body.html()), next, basis, now, request)) {
                case Write.Applied<Post> a -> {
                    // Only here: a replay (below) answers the first post without writing, so it counts nothing.
                    Metrics.count(Metrics.Event.POSTS_CREATED);
                    if (a.value().summary().status() == Status.PUBLISHED) {
                        Metrics.count(Metrics.Event.POSTS_PUBLISHED);
                    }
                    return Outcome.done(a.value());
                }
                // A post whose own title made this slug (or an older post) holds it: take the next number, on the
                // same basis (a facet changed meanwhile fails the write as Stale, which reads it again).
                case CreateWrite.SlugTaken<Post> s -> next = new SlugClaim(base, next.number() + 1, next.lastSeen());
                case Write.Stale<Post> s -> {
                    // A repeated request is told by the transaction itself: its record's condition fails and the
                    // write comes back Stale (reading the record first would cost every create a call only a repeat
                    // needs). Answered at once, before any pause, so a spent write budget never turns it into a 503.
                    Optional<Outcome<Post>> replay = request.flatMap(r -> replay(authorId, r, now));
                    if (replay.isPresent()) {
                        return replay.get();
                    }
                    // Another post took the counter or a facet meanwhile: read both again.
                    if (!backoff.pause()) {
                        return busy();
                    }
                    basis = repository.createBasis(base, facets);
                    next = basis.firstClaim(base);
                }
                case Write.Busy<Post> b -> {
                    return busy();
                }
                // A repeat of a create made before the allowance ran out is answered as any repeat is: it writes nothing.
                case Write.AllowanceSpent<Post> spent -> {
                    return request.flatMap(r -> replay(authorId, r, now)).orElseGet(() -> spent(spent));
                }
            }
        }
    }

    private static PostSummary summary(PostRules.Checked c, String id, String slug, String authorId, Instant now) {
        return new PostSummary(id, slug, c.title(), c.excerpt(), c.byline(), c.tags(), c.image(), c.status(),
                c.publishedAt().orElse(now), c.publishedAt().isPresent() || c.status() == Status.PUBLISHED, now, 1, authorId);
    }

    /** The post a create with this key made, while the key's record lasts (what a form sent again is about). */
    public Optional<Post> createdBy(String authorId, IdempotentRequest request) {
        return madeBy(authorId, request).map(Made::post);
    }

    /**
     * What a create with this key made, while the key's record lasts: the post, and whether this request was sent from the
     * very showing of the form that made it (a form sent again from anywhere else may hold text older than the post's).
     */
    public Optional<Made> madeBy(String authorId, IdempotentRequest request) {
        return repository.idempotencyRecord(authorId, request.keySha256(), time.now()).flatMap(r -> repository.findById(r.postId())
                .map(post -> new Made(post, r.sentFrom().isPresent() && r.sentFrom().equals(request.sentFrom()))));
    }

    /** A post a form made, and whether the request asked about was sent from the page that made it. */
    public record Made(Post post, boolean fromTheSamePage) {
    }

    /**
     * The author's post of this very title saved within {@link #SAME_TITLE_JUST_NOW}, unless the request's key made a post
     * already (a form sent again, which its own answer covers). Back from the page that said a form sent again would be
     * a new post, to a form the browser has filled in again under a new id, "Publicera" would otherwise make a second
     * post of the same title without a word. One Query of the author's posts changed in that time; a second
     * read, of the key's record, only when one of them has the title. Only advice: a read that fails is logged and taken
     * for none, so the form is saved, never given back as an error page with its text lost.
     */
    public Optional<PostSummary> sameTitleJustNow(String authorId, String title, Optional<IdempotentRequest> key) {
        String stored = PostRules.storedTitle(title);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Instant now = time.now();
        try {
            List<PostSummary> twins = repository.authorPostsChanged(authorId, now.minus(SAME_TITLE_JUST_NOW), now).stream()
                    .filter(s -> s.title().equals(stored)).toList();
            if (twins.isEmpty() || key.flatMap(k -> repository.idempotencyRecord(authorId, k.keySha256(), now)).isPresent()) {
                return Optional.empty();
            }
            return Optional.of(twins.getFirst());
        } catch (RuntimeException e) {
            Log.warn("same_title_not_checked", "error", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /**
     * The first answer to a create sent alike under this key, while the key's record lasts: its post, or that the post
     * was deleted since, as {@link #replay} answers. The request comes before the rules read what it asks, so
     * {@link IdempotentRequest#repeats} can tell only whether it was sent alike.
     */
    private Optional<Outcome<Post>> answeredBefore(String authorId, IdempotentRequest request) {
        return repository.idempotencyRecord(authorId, request.keySha256(), time.now())
                .filter(request::repeats)
                .map(this::postOf);
    }

    /** The post a key's record names, or that it was deleted since. */
    private Outcome<Post> postOf(IdempotencyRecord record) {
        return repository.findById(record.postId()).<Outcome<Post>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(new Refusal.NotFound(Refusal.Missing.POST_DELETED_SINCE)));
    }

    /** The first answer to a repeated request, or a refusal when the key came with another request. */
    private Optional<Outcome<Post>> replay(String authorId, IdempotentRequest request, Instant now) {
        return repository.idempotencyRecord(authorId, request.keySha256(), now).map(record -> {
            if (!request.repeats(record)) {
                // Where the key's post is said to be, it is: one deleted since is not there to change (from a review).
                boolean there = repository.findById(record.postId()).isPresent();
                return Outcome.refused(new Refusal.Unprocessable(Refusal.Rule.IDEMPOTENCY_KEY_REUSED, there
                        ? "This Idempotency-Key already made a post, from a request with other content (a field, or the order of the"
                                + " categories): find it in GET /api/me/posts and change it with PATCH. A new key makes a second post."
                        : "This Idempotency-Key made a post that has been deleted since; to make this one, send it with a new key.",
                        "Idempotency-Key"));
            }
            return postOf(record);
        });
    }

    /** A post by slug as this reader may see it: drafts and future posts only for their author. */
    public Outcome<Post> get(String slug, Optional<String> readerAuthorId) {
        Optional<Post> post = Slugs.isSlug(slug) ? repository.findBySlug(slug, s -> mayRead(s, readerAuthorId)) : Optional.empty();
        return post.<Outcome<Post>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(new Refusal.NotFound(Refusal.Missing.POST)));
    }

    private boolean mayRead(PostSummary post, Optional<String> readerAuthorId) {
        return post.visibleAt(time.now()) || readerAuthorId.filter(post.authorId()::equals).isPresent();
    }

    /**
     * Applies an edited draft to the post as it was read, if the actor wrote it. The slug stays (it
     * is the permalink); a draft published without a date is published now, so it is not buried in
     * the archive at the day it was begun, but a date the author gives is kept, past or future (a
     * back-dated post, or one taken back to draft and published again at its old date). A picture the
     * edit drops or replaces is let go once the edit has committed.
     */
    public Outcome<Post> edit(Post current, PostDraft draft, String actorId) {
        if (!current.summary().authorId().equals(actorId)) {
            return Outcome.refused(Refusal.Forbidden.notTheAuthor());
        }
        PostRules.Checked c;
        switch (PostRules.check(draft, time, Optional.of(current.summary()))) {
            case Outcome.Refused<PostRules.Checked> r -> {
                return Outcome.refused(r.refusal());
            }
            case Outcome.Done<PostRules.Checked> d -> c = d.value();
        }
        Instant now = time.now();
        PostSummary was = current.summary();
        Instant publishedAt = c.publishedAt().orElse(was.publishedAt());
        boolean publishing = was.status() == Status.DRAFT && c.status() == Status.PUBLISHED;
        boolean scheduled = was.status() == Status.PUBLISHED && was.publishedAt().isAfter(now);
        if (c.publishedAt().isEmpty() && (publishing && (!was.dated() || c.dateCleared()) || scheduled && c.dateCleared())) {
            // A draft nobody dated goes out now, and so does one whose date was emptied ("Tomt betyder nu") or a scheduled
            // post's; a draft with a date (given, or its first publication's) keeps it, as a published post does.
            publishedAt = now;
        }
        // Dated: published, or given a date, or dated before and not emptied (a post taken back keeps the date readers saw).
        boolean dated = c.status() == Status.PUBLISHED || c.publishedAt().isPresent()
                || (!c.dateCleared() && (was.status() == Status.PUBLISHED ? !publishedAt.isAfter(now) : was.dated()));
        if (!dated && (publishedAt.isAfter(now) || was.dated())) {
            // A draft with no date of its own is dated by when it was last begun, never by a time to come: a scheduled post
            // taken back in this patch is dated now, not by the time it was scheduled for (as unpublish below), and so is a
            // draft whose own date is taken away (not answered dated false with that date still as its publishedAt).
            publishedAt = now;
        }
        var next = new PostSummary(was.id(), was.slug(), c.title(), c.excerpt(), c.byline(), namedAsStored(was.tags(), c.tags()),
                c.image(), c.status(), publishedAt, dated, now, was.version() + 1, was.authorId());
        if (c.body().equals(current.body()) && sameContent(was, next)) {
            // Nothing would change (an empty merge patch): the post keeps its version, so a client holding its ETag is not
            // refused for a change nobody made, as a tag or publish request that changes nothing is answered.
            return Outcome.done(current);
        }
        Body body = c.body().equals(current.body()) ? new Body(current.body(), current.bodyHtml()) : Body.of(c.body());
        // The post as it was is kept when its words change: an edit that only publishes, dates or takes a picture away keeps
        // none, as the publish and picture routes keep none (a status-only PATCH would list the same words again, one
        // version after another).
        boolean wordsChange = !c.body().equals(current.body()) || !sameWords(was, next);
        return switch (writeDropping(was, next.image(), () -> wordsChange ? repository.edit(current, next, body, now)
                : repository.update(was, next, Optional.of(body), now))) {
            case Write.Applied<PostSummary> a -> {
                if (publishing) {
                    Metrics.count(Metrics.Event.POSTS_PUBLISHED);
                }
                yield Outcome.done(new Post(a.value(), body.markdown(), body.html()));
            }
            case Write.Stale<PostSummary> s -> Outcome.refused(new Refusal.Stale());
            case Write.Busy<PostSummary> b -> busy();
            case Write.AllowanceSpent<PostSummary> spent -> spent(spent);
        };
    }

    /**
     * The categories an edit asks for, named as the write will store them, where it names one the post has in another
     * spelling ("versionsmöte" for its "Versionsmöte"): compared by the name asked, an edit that changes nothing would
     * keep a version and bump the post's. Read only then, since the store decides: a name others count in stays, one
     * only a draft uses is the draft's to put right.
     */
    private List<Tag> namedAsStored(List<Tag> had, List<Tag> asked) {
        boolean respelled = asked.stream().anyMatch(t -> had.stream().anyMatch(h -> h.slug().equals(t.slug()) && !h.name().equals(t.name())));
        return respelled ? repository.namedAsStored(asked) : asked;
    }

    /**
     * Whether this draft, applied to the post as stored, would leave what readers see as it is: a
     * form sent twice (or a save in another tab with the same words) is then no conflict.
     */
    public boolean alreadySays(Post current, PostDraft draft) {
        return switch (PostRules.check(draft, time, Optional.of(current.summary()))) {
            case Outcome.Refused<PostRules.Checked> r -> false;
            case Outcome.Done<PostRules.Checked> d -> {
                PostRules.Checked c = d.value();
                PostSummary s = current.summary();
                yield c.title().equals(s.title()) && c.body().equals(current.body()) && c.byline().equals(s.author())
                        && sameSlugs(c.tags(), s.tags()) && c.image().equals(s.image()) && c.excerpt().equals(s.excerpt())
                        && c.status() == s.status() && c.publishedAt().map(s.publishedAt()::equals).orElse(true);
            }
        };
    }

    /**
     * Publishes the actor's post now, or at a moment (a future one schedules it; the lists show it
     * from then on with no job to run). Now, a draft with a past date of its own keeps it: one published
     * before and taken back (a post of January, unpublished to mend it, must not come back as today's
     * news at the top of the feed) or one its author back-dated. With the post as the caller saw it,
     * a post changed since is refused (what was previewed is what goes out); a post that already is so
     * published is left as it is.
     */
    public Outcome<PostSummary> publish(String slug, String actorId, Optional<Instant> at, Optional<Seen> seen) {
        return changeStatus(slug, actorId, seen, current -> {
            Instant now = time.now();
            boolean ownPastDate = current.status() == Status.DRAFT && current.dated() && !current.publishedAt().isAfter(now);
            Instant when = at.orElse(ownPastDate ? current.publishedAt() : now);
            boolean already = current.status() == Status.PUBLISHED
                    && (at.isPresent() ? current.publishedAt().equals(when) : !current.publishedAt().isAfter(now));
            return already ? Optional.empty() : Optional.of(current.withStatus(Status.PUBLISHED, when, true, now));
        });
    }

    /**
     * Takes the actor's post back to a draft: out of every list, feed and count at once. It keeps its date as its own
     * when readers have seen it; a scheduled post taken back before its time has none (published "now" a month later,
     * it would go out under a date it was never seen at), and is dated when it was taken back, as a draft is by when it
     * was begun, not by the time it was scheduled for, a date to come that means nothing.
     */
    public Outcome<PostSummary> unpublish(String slug, String actorId, Optional<Seen> seen) {
        return changeStatus(slug, actorId, seen, current -> {
            // The time of each attempt, as publish takes it: after a backoff, whether readers have seen it is judged now.
            Instant now = time.now();
            boolean seenByReaders = !current.publishedAt().isAfter(now);
            return current.status() == Status.DRAFT ? Optional.empty()
                    : Optional.of(current.withStatus(Status.DRAFT, seenByReaders ? current.publishedAt() : now, seenByReaders, now));
        });
    }

    /**
     * Reads the actor's post and writes the change, conditioned on the version read. An empty change
     * means the post is already so, which answers done (a double click changes nothing twice).
     * Without the post as the caller saw it a lost race reads again; with it, it is refused as stale.
     */
    private Outcome<PostSummary> changeStatus(String slug, String actorId, Optional<Seen> seen,
                                              Function<PostSummary, Optional<PostSummary>> change) {
        return writeChangeable(slug, actorId, seen, false, current -> {
            Optional<PostSummary> next = change.apply(current);
            if (next.isEmpty()) {
                return new Attempt.Answer(Outcome.done(current));
            }
            return new Attempt.Writing(() -> countedIfPublished(current,
                    repository.update(current, next.get(), Optional.empty(), next.get().updatedAt())));
        });
    }

    /** A write as written, counted as a publication when it applied one to what was a draft. */
    private static Write<PostSummary> countedIfPublished(PostSummary was, Write<PostSummary> written) {
        if (written instanceof Write.Applied<PostSummary> a && was.status() == Status.DRAFT && a.value().status() == Status.PUBLISHED) {
            Metrics.count(Metrics.Event.POSTS_PUBLISHED);
        }
        return written;
    }

    /**
     * The loop of a change of the actor's post made from a fresh read of it: each time round the post is read
     * ({@link #changeable}) and {@code attempt} makes of it an answer at once (it is so already, or refused) or a write,
     * which, unless the post has changed since the caller saw it ({@code seen}), is made, conditioned on the version read.
     * A write that lost a race (Stale) is tried again from a new read after a jittered pause, within the write budget,
     * then busy; with {@code seen}, it is refused as stale at once, unless {@code staleReadAgainWhenSeen} (a delete's:
     * read again, a post changed since is refused by {@code seen} then, and one refused by its counters alone is deleted).
     */
    private Outcome<PostSummary> writeChangeable(String slug, String actorId, Optional<Seen> seen, boolean staleReadAgainWhenSeen,
                                                 Function<PostSummary, Attempt> attempt) {
        Backoff backoff = Backoff.within(writeBudget);
        do {
            PostSummary current;
            switch (changeable(slug, actorId)) {
                case Outcome.Refused<PostSummary> r -> {
                    return r;
                }
                case Outcome.Done<PostSummary> d -> current = d.value();
            }
            Supplier<Write<PostSummary>> write;
            switch (attempt.apply(current)) {
                case Attempt.Answer a -> {
                    return a.outcome();
                }
                case Attempt.Writing w -> write = w.write();
            }
            if (seen.isPresent() && !seen.get().matches(current)) {
                return Outcome.refused(new Refusal.Stale());
            }
            switch (write.get()) {
                case Write.Applied<PostSummary> a -> {
                    return Outcome.done(a.value());
                }
                case Write.Busy<PostSummary> b -> {
                    return busy();
                }
                case Write.AllowanceSpent<PostSummary> spent -> {
                    return spent(spent);
                }
                case Write.Stale<PostSummary> s -> {
                    if (seen.isPresent() && !staleReadAgainWhenSeen) {
                        return Outcome.refused(new Refusal.Stale()); // changed since it was seen: read again, it would not match
                    }
                    /* another writer got there first: read again */
                }
            }
        } while (backoff.pause());
        return busy();
    }

    /** What a change makes of the post as read: an answer at once, or the write to make. */
    private sealed interface Attempt {

        record Answer(Outcome<PostSummary> outcome) implements Attempt {
        }

        record Writing(Supplier<Write<PostSummary>> write) implements Attempt {
        }
    }

    /**
     * Puts an uploaded picture on the actor's post as it was read ({@link #getToChange}): the write is
     * conditioned on that version, so a change made since refuses it as Stale, and it reads nothing
     * itself. The picture the post had before is let go once this has committed. The picture records the version
     * this write makes ({@link Image#savedIn}).
     */
    public Outcome<Post> attachImage(Post current, String actorId, Image image) {
        PostSummary was = current.summary();
        if (!was.authorId().equals(actorId)) {
            return Outcome.refused(Refusal.Forbidden.notTheAuthor());
        }
        // A text showing the picture this lets go would show it broken: the author takes it out of the text first.
        Optional<String> shown = was.image().map(Image::url).filter(Image::isStoredHere)
                .filter(path -> !path.equals(image.url()) && Markdown.uploadedPicturesShown(current.body()).contains(path));
        if (shown.isPresent()) {
            return Outcome.refused(new Refusal.Invalid(List.of(new FieldError("body", PostRules.NOT_THIS_POSTS_PICTURE + shown.get()))));
        }
        Instant now = time.now();
        var next = was.withImage(Optional.of(image.asSavedIn(was.version() + 1)), now);
        return switch (writeDropping(was, next.image(), () -> repository.update(was, next, Optional.empty(), now))) {
            case Write.Applied<PostSummary> a -> Outcome.done(new Post(a.value(), current.body(), current.bodyHtml()));
            case Write.Stale<PostSummary> s -> Outcome.refused(new Refusal.Stale());
            case Write.Busy<PostSummary> b -> busy();
            case Write.AllowanceSpent<PostSummary> spent -> spent(spent);
        };
    }

    /**
     * A write that may drop the post's own picture: its file is deleted once the write committed, and nothing is
     * done to it before (a mark for the lifecycle before a write that never runs to its end would take a picture its
     * post still shows). When the write's fate is unknown (it threw), the post is read
     * again: a file it no longer shows goes, one it shows stays. If nothing after the commit runs, the file stays
     * where no post shows it: kept, never lost.
     */
    private <T> Write<T> writeDropping(PostSummary was, Optional<Image> next, Supplier<Write<T>> write) {
        Optional<String> dropped = was.image().flatMap(Image::storedName)
                .filter(name -> next.flatMap(Image::storedName).filter(name::equals).isEmpty());
        if (dropped.isEmpty()) {
            return write.get();
        }
        String name = dropped.get();
        Write<T> result;
        try {
            result = write.get();
        } catch (RuntimeException e) {
            boolean stillShown = repository.findById(was.id())
                    .flatMap(p -> p.summary().image()).flatMap(Image::storedName).filter(name::equals).isPresent();
            if (!stillShown) {
                images.discard(name);
            }
            throw e;
        }
        if (result instanceof Write.Applied<T>) {
            images.discard(name);
        }
        return result;
    }

    /**
     * Deletes the actor's post. With the post as the caller saw it (If-Match, the confirmation page), a post
     * changed since is refused; without one, the delete reads again and wins over concurrent edits.
     * Its own picture goes once the delete has committed.
     */
    public Outcome<PostSummary> delete(String slug, Optional<Seen> seen, String actorId) {
        // A delete refused as Stale reads again even with seen: its check then refuses a post changed since.
        return writeChangeable(slug, actorId, seen, true,
                current -> new Attempt.Writing(() -> writeDropping(current, Optional.empty(), () -> repository.delete(current))));
    }

    public Outcome<Page<PostSummary>> list(ListQuery query) {
        return repository.page(query, time.now());
    }

    /**
     * What a post's page shows around it: the visible posts just newer and older, and a few that
     * share a category with it (the newest of each of its first {@link #RELATED_CATEGORIES}
     * categories, those sharing more first). The two one-item Queries and the Query per category are
     * made side by side, each on a thread of its own, so the page waits about one round trip, not five.
     * Nothing for a post readers cannot see yet.
     */
    public Surroundings around(PostSummary post, int relatedCount) {
        Instant now = time.now();
        if (!post.visibleAt(now)) {
            return Surroundings.NONE;
        }
        try (var reads = SideBySide.open()) {
            var newer = reads.start(() -> repository.neighbour(post, Neighbours.Side.NEWER, now));
            var older = reads.start(() -> repository.neighbour(post, Neighbours.Side.OLDER, now));
            var lists = post.tags().stream().limit(RELATED_CATEGORIES)
                    .map(tag -> reads.start(() -> repository.page(new ListQuery(Optional.of(Facet.category(tag)), Optional.empty(),
                            relatedCount + 1, Optional.empty()), now)))
                    .toList();
            Map<String, PostSummary> found = new LinkedHashMap<>();
            Map<String, Integer> shared = new HashMap<>();
            for (var list : lists) {
                if (SideBySide.result(list) instanceof Outcome.Done<Page<PostSummary>> d) {
                    for (PostSummary s : d.value().items()) {
                        if (!s.id().equals(post.id())) {
                            found.putIfAbsent(s.id(), s);
                            shared.merge(s.id(), 1, Integer::sum);
                        }
                    }
                }
            }
            List<PostSummary> related = found.values().stream()
                    .sorted(Comparator.comparing((PostSummary s) -> -shared.get(s.id()))
                            .thenComparing(PostSummary::publishedAt, Comparator.reverseOrder()))
                    .limit(relatedCount).toList();
            return new Surroundings(new Neighbours(SideBySide.result(newer), SideBySide.result(older)), related);
        }
    }

    /** Every published post with its body, a page at a time (a rebuild of the search index). */
    public Page<Post> published(int limit, Optional<String> cursor) {
        return repository.published(limit, cursor);
    }

    /** The post with this id as stored now, whatever its status: what the search indexer reads. */
    public Optional<Post> byId(String id) {
        return repository.findById(id);
    }

    /** The newest visible posts with their bodies as HTML, for a feed. */
    public Outcome<List<Post>> latest(Optional<Facet> facet, int count) {
        return switch (list(new ListQuery(facet, Optional.empty(), count, Optional.empty()))) {
            case Outcome.Refused<Page<PostSummary>> r -> Outcome.refused(r.refusal());
            case Outcome.Done<Page<PostSummary>> d -> {
                var bodies = repository.bodiesHtml(d.value().items().stream().map(PostSummary::id).toList());
                yield Outcome.done(d.value().items().stream()
                        .map(s -> new Post(s, "", bodies.getOrDefault(s.id(), ""))).toList());
            }
        };
    }

    /**
     * Whether the post with this id shows the uploaded picture of this name now, as stored: what the file of a picture a
     * change left behind is checked against before it goes (images.ImageService#pictureLeft).
     */
    public boolean showsPicture(String postId, String name) {
        return repository.findById(postId).flatMap(p -> p.summary().image()).flatMap(Image::storedName).filter(name::equals).isPresent();
    }

    /** A post by slug, as its author edits it: another author's is refused, one nobody may see is not found. */
    public Outcome<Post> getToChange(String slug, String actorId) {
        return own(slug, actorId, Refusal.Forbidden.notTheAuthor());
    }

    /**
     * A post by slug whose earlier versions its author reads ({@link #versions}, {@link #version}): as {@link #getToChange},
     * but another author's is refused as a read, not a change.
     */
    public Outcome<Post> getToReadVersions(String slug, String actorId) {
        return own(slug, actorId, Refusal.Forbidden.notTheAuthorsVersions());
    }

    private Outcome<Post> own(String slug, String actorId, Refusal.Forbidden another) {
        return switch (get(slug, Optional.of(actorId))) {
            case Outcome.Refused<Post> r -> r;
            case Outcome.Done<Post> d -> d.value().summary().authorId().equals(actorId) ? d : Outcome.refused(another);
        };
    }

    /**
     * The earlier versions of a post as its author has it ({@link #getToChange}), the newest first: a page of at most
     * {@code limit}, after the version numbered {@code before} when given.
     */
    public Page<PostVersion> versions(Post current, OptionalLong before, int limit) {
        return repository.versions(current.id(), before, limit, time.now());
    }

    /** One earlier version of a post as its author has it, by its number: not found when it is none, or no longer kept. */
    public Outcome<PostVersion> version(Post current, long number) {
        return repository.version(current.id(), number, time.now()).map(Outcome::done)
                .orElseGet(() -> Outcome.refused(new Refusal.NotFound(Refusal.Missing.VERSION)));
    }

    /** One author's own posts, of every status or of one, the most recently changed first. */
    public Outcome<Page<PostSummary>> authorPosts(String authorId, Optional<Status> status, int limit, Optional<String> cursor) {
        return repository.authorPosts(authorId, status, limit, cursor);
    }

    /** Every facet of a kind that readers may see a post in, with its count, as the store keeps them (by slug). */
    public List<FacetCount> facets(Facet.Kind kind) {
        return repository.facetCounts(kind, time.now());
    }

    /**
     * The same, in Swedish alphabetical order of their names, as readers look for them (by slug "Åsa" is "asa",
     * before "Eva"): what the index pages and the API list. Only they sort, so only they load the collator.
     */
    public List<FacetCount> facetsByName(Facet.Kind kind) {
        return facets(kind).stream().sorted(SwedishOrder.byName((FacetCount c) -> c.facet().name())).toList();
    }

    /**
     * A facet readers may see: one with at least one visible post. A category that only drafts or
     * scheduled posts carry does not exist for readers yet. Categories are also found by name as
     * typed ("Frivård").
     */
    public Optional<FacetCount> findVisibleFacet(Facet.Kind kind, String slugOrName) {
        String slug = Facet.slugOf(slugOrName);
        if (slug.isEmpty()) {
            return Optional.empty();
        }
        return repository.findFacet(kind, slug, time.now()).filter(c -> c.count() > 0);
    }

    /**
     * A read of a category's, person's or office's posts made side by side with the check that readers may see it, so
     * its page or feed waits one round trip for both, not two. The read is given the facet as the path names it (its
     * slug for a name, until the check reads the name the counter keeps; the store lists by slug alone); what it
     * returns comes back with the facet as found. Empty, whatever the read found, when readers have no post there.
     */
    public <T> Optional<InFacet<T>> inVisibleFacet(Facet.Kind kind, String slugOrName, Function<Facet, T> read) {
        String slug = Facet.slugOf(slugOrName);
        if (slug.isEmpty()) {
            return Optional.empty();
        }
        try (var reads = SideBySide.open()) {
            var found = reads.start(() -> findVisibleFacet(kind, slug));
            var listed = reads.start(() -> read.apply(new Facet(kind, slug, slug)));
            return SideBySide.result(found).map(c -> new InFacet<>(c.facet(), SideBySide.result(listed)));
        }
    }

    /** What was read of a facet's posts, and the facet as readers see it. */
    public record InFacet<T>(Facet facet, T value) {
    }

    /** Reads the post and the counters of the categories it may gain in one call, then writes once. */
    public Outcome<PostSummary> addTags(String slug, List<String> names, Optional<Seen> seen, String authorId) {
        return withTags(names, given -> {
            Supplier<Outcome<PostSummary>> add = () -> changeTags(slug, seen, authorId, current -> {
                List<Tag> all = new ArrayList<>(current);
                all.addAll(given);
                return Optional.of(Tag.distinct(all));
            });
            // What is no slug names no post (changeTags answers so), and nothing is read ahead for it.
            return Slugs.isSlug(slug) ? repository.readingAhead(slug, given.stream().map(Facet::category).toList(), add) : add.get();
        });
    }

    public Outcome<PostSummary> replaceTags(String slug, List<String> names, Optional<Seen> seen, String authorId) {
        return withTags(names, given -> changeTags(slug, seen, authorId, current -> Optional.of(given)));
    }

    public Outcome<PostSummary> removeTag(String slug, String tagSlugOrName, Optional<Seen> seen, String authorId) {
        // Named as the lists read a category, by its slug or its name in any case: /tags/FRIVARD names a post's frivard.
        // A category stored with a direction mark in its name has the slug the mark made: named so, it is found too.
        Set<String> named = new HashSet<>(List.of(Facet.slugOf(tagSlugOrName),
                Slugs.isSlug(tagSlugOrName) ? tagSlugOrName : Slugs.of(Tag.asNamedBefore(tagSlugOrName))));
        return changeTags(slug, seen, authorId, current -> current.stream().anyMatch(t -> named.contains(t.slug()))
                ? Optional.of(current.stream().filter(t -> !named.contains(t.slug())).toList())
                : Optional.empty());
    }

    private static Outcome<PostSummary> withTags(List<String> names, Function<List<Tag>, Outcome<PostSummary>> then) {
        return switch (PostRules.checkTags(names)) {
            case Outcome.Refused<List<Tag>> r -> Outcome.refused(r.refusal());
            case Outcome.Done<List<Tag>> d -> then.apply(d.value());
        };
    }

    /**
     * Reads the post once, applies the change to its current tags and writes it conditioned on the
     * version read; when another writer got there first, it reads again rather than lose their tags.
     * A change that answers empty names a tag the post does not have. With {@code seen} (an If-Match), a
     * post changed since the caller saw it is refused, as a delete is: read again, it is still not theirs.
     */
    private Outcome<PostSummary> changeTags(String slug, Optional<Seen> seen, String authorId,
                                            Function<List<Tag>, Optional<List<Tag>>> change) {
        return writeChangeable(slug, authorId, seen, false, current -> {
            Optional<List<Tag>> changed = change.apply(current.tags());
            if (changed.isEmpty()) {
                return new Attempt.Answer(Outcome.refused(new Refusal.NotFound(Refusal.Missing.TAG_ON_POST)));
            }
            List<Tag> next = changed.get();
            if (next.size() > Tag.MAX_PER_POST) {
                return new Attempt.Answer(Outcome.refused(new Refusal.Unprocessable(Refusal.Rule.TOO_MANY_TAGS,
                        "A post has at most " + Tag.MAX_PER_POST + " tags; this one has " + current.tags().size() + " and would have "
                                + next.size() + ".", "tags")));
            }
            if (sameSlugs(next, current.tags())) {
                // Already so (a change sent again after its answer was lost): done, as a publish sent again is, whatever it saw.
                return new Attempt.Answer(Outcome.done(current));
            }
            return new Attempt.Writing(() -> {
                Instant now = time.now();
                return repository.update(current, current.withTags(next, now), Optional.empty(), now);
            });
        });
    }

    /** The summary of a post the actor may change, read consistently: another author's is Forbidden, one they cannot see NotFound. */
    private Outcome<PostSummary> changeable(String slug, String actorId) {
        return summaryVisibleTo(slug, Optional.of(actorId))
                .<Outcome<PostSummary>>map(p -> p.authorId().equals(actorId) ? Outcome.done(p) : Outcome.refused(Refusal.Forbidden.notTheAuthor()))
                .orElseGet(() -> Outcome.refused(new Refusal.NotFound(Refusal.Missing.POST)));
    }

    private Optional<PostSummary> summaryVisibleTo(String slug, Optional<String> authorId) {
        return (Slugs.isSlug(slug) ? repository.findSummaryBySlug(slug) : Optional.<PostSummary>empty())
                .filter(p -> mayRead(p, authorId));
    }

    /**
     * A change its caller makes from the post as it reads it each time (the API's merge patch sent with If-Match: *):
     * attempted again from a fresh read while it loses a race, with jittered pauses, within the write budget, then busy.
     */
    public <T> Outcome<T> retryingLostRaces(Supplier<Outcome<T>> attempt) {
        Backoff backoff = Backoff.within(writeBudget);
        do {
            Outcome<T> outcome = attempt.get();
            if (!(outcome instanceof Outcome.Refused<T> r && r.refusal() instanceof Refusal.Stale)) {
                return outcome;
            }
        } while (backoff.pause());
        return busy();
    }

    private static <T> Outcome<T> busy() {
        return Outcome.refused(new Refusal.Busy(RETRY_AFTER));
    }

    private static <T> Outcome<T> spent(Write.AllowanceSpent<?> spent) {
        return Outcome.refused(new Refusal.AllowanceSpent(spent.retryAfter()));
    }

    /** Every field a reader or its author sees alike, tags to their names and order. */
    private static boolean sameContent(PostSummary a, PostSummary b) {
        return sameWords(a, b) && a.image().equals(b.image()) && a.status() == b.status() && a.publishedAt().equals(b.publishedAt())
                && a.dated() == b.dated();
    }

    /** The same words but for the text: what an earlier version gives back to the form (title, excerpt, byline, categories). */
    private static boolean sameWords(PostSummary a, PostSummary b) {
        return a.title().equals(b.title()) && a.excerpt().equals(b.excerpt()) && a.author().equals(b.author()) && a.tags().equals(b.tags());
    }

    private static boolean sameSlugs(List<Tag> a, List<Tag> b) {
        return a.stream().map(Tag::slug).toList().equals(b.stream().map(Tag::slug).toList());
    }
}
