package se.inlagg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.inlagg.posts.Body;
import se.inlagg.posts.Byline;
import se.inlagg.posts.ExcerptOrigin;
import se.inlagg.posts.Facet;
import se.inlagg.posts.Image;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostRules;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.Status;
import se.inlagg.posts.Tag;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class PostItemsTest {

    static final Instant SAVED = Instant.parse("2026-11-20T09:00:00Z");

    static PostSummary draft(Instant publishedAt, boolean dated) {
        return new PostSummary("5ad2042c-f7f5-47ac-98da-d4ede0d324ab", "utkast", "Utkast", "Ingress", new Byline("Åsa Öberg",
                Optional.empty(), Optional.empty()), List.of(), Optional.empty(), Status.DRAFT, publishedAt, dated, SAVED, 2, "author-1");
    }

    @Test
    void aDraftSaysWhetherItsDateIsItsOwnAndReadsBackAsWritten() {
        for (boolean dated : List.of(true, false)) {
            var item = PostItems.postItem(draft(Instant.parse("2025-01-10T11:00:00Z"), dated));
            assertEquals(dated ? "1" : "0", item.get(PostItems.DATED).n());
            assertEquals(dated, PostItems.summaryOf(Item.of(item)).dated());
        }
    }

    /**
     * What readers see of a post is what was stored: its categories, its picture with its caption and size, and the whole
     * byline, read back from the post's own item and from a list's entry alike.
     */
    @Test
    void aPostReadsBackWithItsCategoriesPictureAndBylineAsWritten() {
        var image = Image.stored("f".repeat(26) + ".jpg", "Deltagarna vid mötesbordet",
                Optional.of("Foto: Åsa Öberg"), new Image.Size(640, 320)).asSavedIn(3);
        var tags = List.of(new Tag("frivard", "Frivård"), new Tag("samverkan", "Samverkan"));
        var post = new PostSummary("5ad2042c-f7f5-47ac-98da-d4ede0d324ab", "manadsmote-i-ystad", "Månadsmöte i Ystad", "Ingress",
                new Byline("Åsa Öberg", Optional.of("Frivårdsinspektör"), Optional.of("Frivården Malmö")), tags, Optional.of(image),
                Status.PUBLISHED, Instant.parse("2019-01-29T23:00:00Z"), true, SAVED, 3, "author-1");
        for (var item : List.of(PostItems.postItem(post), PostItems.entryItem(post, Facet.category(tags.get(0))))) {
            PostSummary read = PostItems.summaryOf(Item.of(item));
            assertEquals(tags, read.tags(), "the categories as written, in order");
            assertEquals(Optional.of(image), read.image(), "the picture with its alt text, caption, size and the version its save wrote");
            assertEquals(post, read, "nothing else lost either");
        }
    }

    /**
     * A body's HTML is stored beside it when both fit in one item, so a read renders nothing; a body near the limit full of
     * "&" (five characters each as HTML) is stored as text alone, or DynamoDB would refuse the item and the save fail.
     */
    @Test
    void aShortBodyIsStoredWithItsHtmlAndALongOneFullOfAmpersandsWithout() {
        var shortBody = PostItems.bodyItem("5ad2042c-f7f5-47ac-98da-d4ede0d324ab", 1, Body.of("Fika & möte."), "");
        assertEquals("<p>Fika &amp; möte.</p>\n", shortBody.get(PostItems.BODY_HTML).s());
        var longBody = PostItems.bodyItem("5ad2042c-f7f5-47ac-98da-d4ede0d324ab", 1, Body.of("&".repeat(90_000)), "");
        assertFalse(longBody.containsKey(PostItems.BODY_HTML), "text alone: its HTML is rendered when read");
        assertEquals("&".repeat(90_000), longBody.get(PostItems.BODY).s());
    }

    @Test
    void aDraftWrittenBeforeItSaidReadsAsDatedOnlyWhenItsDateWasStillToComeWhenSaved() {
        // Such a scheduled draft, published, keeps its date; read as not dated it would go out at once.
        var scheduled = new HashMap<>(PostItems.postItem(draft(Instant.parse("2030-01-01T08:00:00Z"), true)));
        scheduled.remove(PostItems.DATED);
        assertTrue(PostItems.summaryOf(Item.of(scheduled)).dated());
        var begun = new HashMap<>(PostItems.postItem(draft(Instant.parse("2026-11-01T08:00:00Z"), true)));
        begun.remove(PostItems.DATED);
        assertFalse(PostItems.summaryOf(Item.of(begun)).dated(), "published now, as before");
    }

    /**
     * An excerpt made from a body before StoredHtml.VERSION 2 keeps a bare address's password ("https://anna:hemligt@…"),
     * which every list, feed, page's description and API answer would send, and which is not equal to the excerpt made from
     * the body, so an edit would keep it as the author's own. Read from the post item and from a list's entry, it shows each
     * address a page would link without its user info, as an excerpt made by this code does; an e-mail address and an
     * ssh:// one stay.
     */
    @Test
    void anExcerptStoredWithAnAddresssPasswordReadsAsTheExcerptMadeNow() {
        String body = "Se https://anna:hemligt@intra.example.se/lista och www.anna@intra.example.se, eller skriv till anna@kvv.se.";
        String storedBefore = "Se https://anna:hemligt@intra.example.se/lista och www.anna@intra.example.se, eller skriv till anna@kvv.se.";
        var summary = withExcerpt(storedBefore);
        for (var item : List.of(PostItems.postItem(summary), PostItems.entryItem(summary, Facet.category(new Tag("intranat", "Intranät"))))) {
            String read = PostItems.summaryOf(Item.of(item)).excerpt();
            assertEquals("Se https://intra.example.se/lista och http://intra.example.se, eller skriv till anna@kvv.se.", read);
            assertEquals(PostRules.excerptOf(body), read);
        }
        String kept = "Klona ssh://git@github.com/org/repo eller skriv till anna@kvv.se.";
        assertEquals(kept, PostItems.summaryOf(Item.of(PostItems.postItem(withExcerpt(kept)))).excerpt());
    }

    private static PostSummary withExcerpt(String excerpt) {
        PostSummary d = draft(SAVED, true);
        return new PostSummary(d.id(), d.slug(), d.title(), excerpt, d.author(), d.tags(), d.image(), Status.PUBLISHED, SAVED, true,
                SAVED, d.version(), d.authorId());
    }

    /**
     * HTML the renderer before stored is served as it is where this one makes the same of the body, so reading an old post
     * loads no Markdown renderer; a body it rendered with a link's user name and password is rendered anew.
     */
    @Test
    void htmlStoredByTheRendererBeforeIsKeptUnlessTheBodyHasALinksUserInfo() {
        assertEquals("<p>som lagrad</p>", storedByRendererOne("Se [rapporten](https://intra.example/r).").html(), "read as stored");
        assertEquals("<p>Se rapporten.</p>\n", storedByRendererOne("Se [rapporten](https://anna:hemligt@intra.example/r).").html());
        assertEquals("<p>Se rapporten.</p>\n", storedByRendererOne("Se [rapporten](https://anna&#64;intra.example/r).").html(),
                "an @ written as a character reference");
    }

    /**
     * A text written in an older form may hold a browser's CR LF: read with newlines alone, as the form stores it, so API
     * clients get one kind of line end and the same words sent again are the same text.
     */
    @Test
    void aTextStoredWithABrowsersLineEndsReadsWithNewlinesAlone() {
        var body = PostItems.bodyOf(Item.of(PostItems.bodyItem("5ad2042c-f7f5-47ac-98da-d4ede0d324ab", 1,
                Body.of("Stycke ett.\r\n\r\n- punkt\r\n- punkt två"), "")));
        assertEquals("Stycke ett.\n\n- punkt\n- punkt två", body.markdown());
        assertEquals(Body.of("Stycke ett.\n\n- punkt\n- punkt två").html(), body.html(), "the page as it was");
        assertEquals("Rad ett\nrad två", PostItems.summaryOf(Item.of(PostItems.postItem(withExcerpt("Rad ett\r\nrad två")))).excerpt());
    }

    /**
     * The edit form asks whether the excerpt is made from the text (to show it empty): the body item answers for the
     * excerpt written with it, both as they read back (a browser's CR LF, an address's password left out), so the answer
     * is taken as it says and the text is not read as Markdown; an earlier version keeps it.
     */
    @Test
    void theBodyItemSaysWhetherTheExcerptWrittenWithItIsMadeFromIt() {
        String markdown = "Listan finns på https://anna:hemligt@intra.example.se/lista.\r\n\r\n- punkt\r\n- punkt två";
        String made = PostRules.excerptOf(markdown.replace("\r\n", "\n"));
        String withPassword = made.replace("https://", "https://anna:hemligt@");
        assertTrue(!withPassword.equals(made), "as made before StoredHtml.VERSION 2");
        Map<String, Boolean> fromText = Map.of(made, true, withPassword, true, "Egen ingress, se https://intra.example.se/lista.", false);
        for (String excerpt : fromText.keySet()) {
            PostSummary written = withExcerpt(excerpt);
            Post read = PostItems.postOf(PostItems.summaryOf(Item.of(PostItems.postItem(written))),
                    Optional.of(Item.of(PostItems.bodyItem(written.id(), 1, Body.of(markdown), excerpt))));
            assertEquals(ExcerptOrigin.mark(read.summary().excerpt(), read.body()), read.excerptMark(), "made for the two as read");
            assertEquals(fromText.get(excerpt), read.excerptFromBody(), excerpt);
            Post kept = PostItems.versionOf(Item.of(PostItems.versionItem(read, SAVED, SAVED.plusSeconds(60))), false).post();
            assertEquals(read.excerptMark(), kept.excerptMark(), "an earlier version's");
            assertEquals(fromText.get(excerpt), kept.excerptFromBody());
        }
        assertEquals("", PostItems.postOf(withExcerpt(made), Optional.empty()).excerptMark(), "no body item, no mark");
    }

    /** A body item as the renderer before wrote it, its HTML told apart from any this one makes. */
    private static Body storedByRendererOne(String markdown) {
        var stored = new HashMap<>(PostItems.bodyItem("5ad2042c-f7f5-47ac-98da-d4ede0d324ab", 1, Body.of(markdown), ""));
        stored.put(PostItems.BODY_HTML, AttributeValue.fromS("<p>som lagrad</p>"));
        stored.put(PostItems.RENDERER, AttributeValue.fromN("1"));
        return PostItems.bodyOf(Item.of(stored));
    }
}
