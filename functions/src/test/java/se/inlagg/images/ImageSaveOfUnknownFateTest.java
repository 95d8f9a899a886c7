package se.inlagg.images;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import se.inlagg.posts.Body;
import se.inlagg.posts.InMemoryPosts;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostDraft;
import se.inlagg.posts.PostRepository;
import se.inlagg.posts.PostService;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.Refusal;
import se.inlagg.posts.Seen;
import se.inlagg.posts.SiteTime;
import se.inlagg.posts.Write;

/**
 * A picture's save whose post write is of unknown fate and lands after the save has looked. Transactions answers Busy
 * (store.Transactions.Result.Busy, logged "transaction_outcome_unknown") for a write DynamoDB still says is in progress
 * when the budget and SETTLE are spent: a write that may yet commit. A save that took that for a refusal and tagged the
 * copy unattached (as it did, the post read just after not showing it yet) would leave the post, once the transaction
 * commits, showing a picture the bucket's lifecycle deletes two days later; the copy is left untagged instead.
 */
class ImageSaveOfUnknownFateTest {

    static final String ASA = ImageServiceTest.ASA;

    final MemoryBucket bucket = new MemoryBucket();
    final InMemoryPosts stored = new InMemoryPosts();
    /** The next update's write, held back: DynamoDB still applying it when the caller gave up on it. */
    Supplier<Write<PostSummary>> inProgress;
    boolean holdNextUpdate;

    final PostRepository repository = (PostRepository) Proxy.newProxyInstance(PostRepository.class.getClassLoader(),
            new Class<?>[] {PostRepository.class}, (proxy, method, args) -> {
                if (method.getName().equals("update") && holdNextUpdate) {
                    holdNextUpdate = false;
                    inProgress = () -> stored.update((PostSummary) args[0], (PostSummary) args[1], castBody(args[2]), (Instant) args[3]);
                    // As DynamoPostRepository answers Transactions.Result.Busy: the write still in progress past its budget.
                    return new Write.Busy<>();
                }
                try {
                    return method.invoke(stored, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });

    final PostService posts = new PostService(repository, new SiteTime(ZoneId.of("Europe/Stockholm"),
            Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneId.of("UTC"))), Duration.ofMillis(300),
            new BucketImageFiles(() -> Optional.of(bucket)));
    final ImageService images = new ImageService(bucket, posts);

    @SuppressWarnings("unchecked")
    private static Optional<Body> castBody(Object o) {
        return (Optional<Body>) o;
    }

    @Test
    void aSaveWhoseWriteIsStillInProgressNeverLeavesThePictureItCommitsTaggedForTheLifecycle() {
        var draft = new PostDraft(Optional.of("Bild under pågående skrivning"), Optional.of("Text."), Optional.of("Åsa Öberg"),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("published"));
        Post p = ((Outcome.Done<Post>) posts.create(draft, ASA, Optional.empty())).value();
        String key = ObjectKeys.newUpload(ASA);
        bucket.upload(key, Pictures.png(10, 10));

        holdNextUpdate = true;
        var answered = images.attach(ASA, p.slug(), key, "Deltagarna", "", Seen.atVersion(p.version()));
        assertInstanceOf(Refusal.Busy.class, assertInstanceOf(Outcome.Refused.class, answered).refusal(),
                "the client is told 503, busy: its write's fate unknown");

        // DynamoDB finishes the transaction it was still applying.
        assertInstanceOf(Write.Applied.class, inProgress.get());

        Post now = ((Outcome.Done<Post>) posts.get(p.slug(), Optional.empty())).value();
        String shown = now.summary().image().orElseThrow().url().substring(1);
        assertTrue(bucket.files.containsKey(shown), "the post shows the copy the save made");
        assertFalse(bucket.files.get(shown).unattached(),
                "the picture the post shows is tagged state=unattached: the lifecycle deletes it in two days");
    }
}
