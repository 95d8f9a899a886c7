package se.inlagg.web;

import java.util.List;
import java.util.Optional;

/**
 * A whole post as its page shows it, with the way on: the next newer and older posts, and a few
 * related ones. {@code bodyHtml} comes from our Markdown renderer, which escapes raw HTML and drops
 * unsafe links; it is the one value a template writes unescaped.
 */
public record PostView(String title, String datetime, String date, BylineView byline, List<Link> categories,
                       Optional<Figure> figure, String bodyHtml, Optional<String> notice, Optional<Link> newer,
                       Optional<Link> older, List<Card> related, Optional<String> ownHref, Optional<Notice> done) {

    /** A picture with its alt text and caption; width and height when known, so the page does not jump. */
    public record Figure(String src, String alt, Optional<String> caption, Optional<Integer> width, Optional<Integer> height) {
    }

    public PostView {
        related = List.copyOf(related);
    }

    /**
     * The same page as its own author sees it: with the way to edit and preview it, and what was just done to it
     * (published from the writing form, say). The page is then private, as every page for a signed-in author is,
     * so no reader is shown the links or the confirmation.
     */
    PostView ownedAt(String href, Optional<Notice> done) {
        return new PostView(title, datetime, date, byline, categories, figure, bodyHtml, notice, newer, older, related, Optional.of(href), done);
    }

    /**
     * What the author's link to the preview page offers: to publish a draft or a scheduled post (both carry a
     * notice), to take a published one back, in the words its button there uses ("Gör till utkast").
     */
    public String publishingLinkText() {
        return notice.isPresent() ? "Förhandsgranska och publicera" : "Gör till utkast…";
    }

    public boolean hasNeighbours() {
        return newer.isPresent() || older.isPresent();
    }
}
