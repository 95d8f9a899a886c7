package se.inlagg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.inlagg.http.ETags;
import se.inlagg.http.HttpDates;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.posts.Byline;
import se.inlagg.posts.Image;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.Sha256;
import se.inlagg.posts.Status;
import se.inlagg.posts.StoredHtml;
import se.inlagg.posts.Tag;

/**
 * A post's ETag names its version and how it is answered, so a deploy that answers a post otherwise gives it a new tag:
 * with the version alone, the CDN's revalidation of the old answer would be a 304, and it would keep that answer until
 * the post changed.
 */
class PostJsonShapeTest {

    /** A post with every field the API answers: a byline in full, two categories, a picture with its size, a body in Markdown. */
    static final Post POST = new Post(new PostSummary("5ad2042c-f7f5-47ac-98da-d4ede0d324ab", "manadsmote-i-ystad", "Månadsmöte i Ystad",
            "Vi träffades i Ystad.", new Byline("Åsa Öberg", Optional.of("Frivårdsinspektör"), Optional.of("Frivården Ystad")),
            List.of(Tag.named("Frivård"), Tag.named("Samverkan")), Optional.of(new Image(Image.SITE_PATH + "abcdefghijklmnopqrstuvwxyz.jpg",
            "Hamnen i Ystad", Optional.of("Foto: Åsa Öberg"), Optional.of(new Image.Size(1200, 800)))), Status.PUBLISHED,
            Instant.parse("2026-11-02T08:00:00Z"), true, Instant.parse("2026-11-30T09:15:42.678Z"), 3, "3f2b8c1e-5d4a-4e7b-9c2f-1a6d8e0b7c44"),
            "Vi träffades i **Ystad**.\n\n- samverkan\n- [rapporten](https://example.se/rapport)",
            "<p>Vi träffades i <strong>Ystad</strong>.</p>\n<ul>\n<li>samverkan</li>\n<li><a rel=\"nofollow\" href=\"https://example.se/rapport\">rapporten</a></li>\n</ul>\n");

    /**
     * What the API answers for that post (the post, its summary as a publish answers it, its categories as their changes
     * answer them, and the post as a draft, which says whether its date is its own), at PostJson.SHAPE 1. When this fails, the API answers a post otherwise: raise PostJson.SHAPE, so every
     * post's ETag changes with the answer, and put the new hash here.
     */
    @Test
    void theApisAnswerForAPostChangesOnlyWithItsShapeNumber() {
        PostSummary s = POST.summary();
        PostSummary draft = new PostSummary(s.id(), s.slug(), s.title(), s.excerpt(), s.author(), s.tags(), s.image(), Status.DRAFT,
                s.publishedAt(), false, s.updatedAt(), s.version(), s.authorId());
        String answered = text(PostJson.post(POST)) + "\n" + text(PostJson.summary(s)) + "\n" + text(PostJson.tagsOf(s))
                + "\n" + text(PostJson.post(new Post(draft, POST.body(), POST.bodyHtml())));
        assertEquals(1, PostJson.SHAPE);
        assertEquals("681ba9e81b1cbf4e61517d6d210572a461482af4700964eae98953634b810f12", Sha256.hex(answered),
                "the API answers a post otherwise than at PostJson.SHAPE " + PostJson.SHAPE + ": raise SHAPE and pin the new hash. " + answered);
    }

    @Test
    void aPostsTagNamesHowItIsAnsweredBesideItsVersion() {
        String tag = PostJson.etag(POST.summary());
        assertEquals(ETags.ofVersion(POST.id(), 3, "shape 1, renderer " + StoredHtml.VERSION), tag);
        assertNotEquals(ETags.ofContent((POST.id() + "\n" + 3).getBytes(StandardCharsets.UTF_8)), tag,
                "not the tag of the version alone, which a deploy that answers otherwise left as it was (from a review)");
        assertNotEquals(tag, ETags.ofVersion(POST.id(), POST.version(), "shape " + (PostJson.SHAPE + 1) + ", renderer "
                + StoredHtml.VERSION), "another shape, another tag");
        assertNotEquals(tag, ETags.ofVersion(POST.id(), POST.version(), "shape " + PostJson.SHAPE + ", renderer "
                + (StoredHtml.VERSION + 1)), "another renderer, another tag");
        assertNotEquals(tag, ETags.ofVersion(POST.id(), POST.version() + 1, PostJson.REPRESENTATION), "another version, another tag");
    }

    private static String text(Map<String, Object> json) {
        return HttpResponse.json(200, json).bodyText();
    }

    /**
     * If-Unmodified-Since with the Last-Modified a post was answered with is met: the header has whole seconds, the post's
     * updatedAt (09:15:42.678) is compared at its second, not refused 412 as changed after it.
     */
    @Test
    void ifUnmodifiedSinceWithTheLastModifiedAnsweredIsMet() {
        var s = POST.summary();
        String lastModified = HttpDates.format(s.updatedAt());
        var seen = PostJson.seen(HttpRequest.builder().header("If-Unmodified-Since", lastModified).build()).orElseThrow();
        assertTrue(seen.matches(s), lastModified);
    }
}
