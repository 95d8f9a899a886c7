package se.inlagg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.inlagg.posts.Byline;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.Status;

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

    @Test
    void aDraftWrittenBeforeItSaidReadsAsDatedOnlyWhenItsDateWasStillToComeWhenSaved() {
        // From a review: such a scheduled draft, published, kept its date before; read as not dated it would go out at once.
        var scheduled = new HashMap<>(PostItems.postItem(draft(Instant.parse("2030-01-01T08:00:00Z"), true)));
        scheduled.remove(PostItems.DATED);
        assertTrue(PostItems.summaryOf(Item.of(scheduled)).dated());
        var begun = new HashMap<>(PostItems.postItem(draft(Instant.parse("2026-11-01T08:00:00Z"), true)));
        begun.remove(PostItems.DATED);
        assertFalse(PostItems.summaryOf(Item.of(begun)).dated(), "published now, as before");
    }
}
