package se.inlagg.posts;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Renders post bodies. Raw HTML in Markdown is escaped, not passed through, and link targets
 * other than safe schemes are dropped, so an author's text can never inject script into a page.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

    private Markdown() {
    }

    public static String toHtml(String markdown) {
        return HTML.render(PARSER.parse(markdown));
    }

    /** The body as plain text, for excerpts written by nobody. */
    public static String toText(String markdown) {
        Node document = PARSER.parse(markdown);
        return TEXT.render(document);
    }
}
