package se.inlagg.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoredHtmlTest {

    /**
     * From a re-read: renderer 3 made a body with an "&" differ from renderer 2's, and every read of such a post stored
     * before rendered it again, loading commonmark on the readers' path. Version 2's HTML is served fit instead, exactly
     * as rendering it anew makes it.
     */
    @Test
    void htmlStoredByTheRendererBeforeIsServedAsThisOneMakesIt() {
        String markdown = "Hej &#x1; då &#150; slut";
        String stored = "<p>Hej \u0001 då \u0096 slut</p>\n";
        assertEquals(Optional.of(Markdown.toHtml(markdown)), StoredHtml.servable(2, markdown, stored));
        assertEquals(Optional.of("<p>Hej \uFFFD då – slut</p>\n"), StoredHtml.servable(2, markdown, stored));
        String current = Markdown.toHtml(markdown);
        assertSame(current, StoredHtml.servable(StoredHtml.VERSION, markdown, current).orElseThrow(), "this renderer's, as stored");
        assertEquals(Optional.empty(), StoredHtml.servable(1, markdown, stored), "version 1's, with an '&', is rendered again");
        assertEquals(Optional.of("<p>Text</p>\n"), StoredHtml.servable(1, "Text", "<p>Text</p>\n"));
    }
}
