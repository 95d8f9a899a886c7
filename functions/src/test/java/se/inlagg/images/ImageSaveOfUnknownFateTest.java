package se.inlagg.images;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.inlagg.posts.InMemoryPosts;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostDraft;
import se.inlagg.posts.PostService;
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
    final PostService posts = new PostService(stored, new SiteTime(ZoneId.of("Europe/Stockholm"),
            Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneId.of("UTC"))), Duration.ofMillis(300),
            new BucketImageFiles(() -> Optional.of(bucket)));
    final ImageService images = new ImageService(bucket, posts);

    @Test
    void aSaveWhoseWriteIsStillInProgressNeverLeavesThePictureItCommitsTaggedForTheLifecycle() {
        var draft = new PostDraft(Optional.of("Bild under pågående skrivning"), Optional.of("Text."), Optional.of("Åsa Öberg"),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("published"));
        Post p = ((Outcome.Done<Post>) posts.create(draft, ASA, Optional.empty())).value();
        String key = ObjectKeys.newUpload(ASA);
        bucket.upload(key, Pictures.png(10, 10));

        stored.holdNextUpdate = true;
        var answered = images.attach(ASA, p.slug(), key, "Deltagarna", "", Seen.atVersion(p.version()));
        assertInstanceOf(Refusal.Busy.class, assertInstanceOf(Outcome.Refused.class, answered).refusal(),
                "the client is told 503, busy: its write's fate unknown");

        // DynamoDB finishes the transaction it was still applying.
        assertInstanceOf(Write.Applied.class, stored.heldUpdate.get());

        Post now = ((Outcome.Done<Post>) posts.get(p.slug(), Optional.empty())).value();
        String shown = now.summary().image().orElseThrow().url().substring(1);
        assertTrue(bucket.files.containsKey(shown), "the post shows the copy the save made");
        assertFalse(bucket.files.get(shown).unattached(),
                "the picture the post shows is tagged state=unattached: the lifecycle deletes it in two days");
    }
}
