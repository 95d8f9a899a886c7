package se.inlagg.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void paragraphsListsAndLinksRender() {
        String html = Markdown.toHtml("Vi ses **i morgon**.\n\n- fika\n- möte\n\n[Läs mer](https://www.kriminalvarden.se/)");
        assertTrue(html.contains("<p>Vi ses <strong>i morgon</strong>.</p>"));
        assertTrue(html.contains("<ul>\n<li>fika</li>\n<li>möte</li>\n</ul>"));
        assertTrue(html.contains("<a rel=\"nofollow\" href=\"https://www.kriminalvarden.se/\">Läs mer</a>"), html);
    }

    @Test
    void rawHtmlIsShownAsTextNeverRun() {
        String html = Markdown.toHtml("<script>alert('hej')</script>\n\nText <img src=x onerror=alert(1)>");
        assertFalse(html.contains("<script>"));
        assertFalse(html.contains("<img"));
        assertTrue(html.contains("&lt;script&gt;"));
    }

    @Test
    void scriptLinksLoseTheirTarget() {
        String html = Markdown.toHtml("[klicka](javascript:alert(1))");
        assertFalse(html.contains("javascript:"), html);
    }

    @Test
    void plainTextDropsTheMarkup() {
        assertEquals("Vi ses i morgon. fika", Markdown.toWords("Vi ses **i morgon**.\n\n- fika"));
    }
}
