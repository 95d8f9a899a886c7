package se.inlagg.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.inlagg.images.ImageType;
import se.inlagg.posts.DirectionControls;
import se.inlagg.posts.DotSegments;
import se.inlagg.posts.Facet;
import se.inlagg.posts.MarkupText;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.SiteTime;
import se.inlagg.posts.WebAddresses;

/**
 * An Atom feed (RFC 4287). Each entry's id is the post's id, so a new title or slug is not a new
 * entry. An entry carries the whole post: its picture (as an enclosure, as Media RSS for readers that
 * show thumbnails, and at the top of the content) and its full text, while the feed stays within
 * {@link #CONTENT_BUDGET_BYTES}.
 */
final class AtomFeed {

    /**
     * The most bytes of entries' content one feed carries. Lambda answers at most 6 MB, and a feed readers fetch without
     * gzip is its whole text: twenty posts at the length limit, written in markup ("<" is "&amp;lt;" once escaped for
     * the page and again for XML), come to 16 MB, which API Gateway would answer with a 500.
     * Past it an entry carries its summary and its link, as a feed of excerpts does; every post is still in the feed.
     */
    static final int CONTENT_BUDGET_BYTES = 4_000_000;

    private AtomFeed() {
    }

    /**
     * When a feed with no entry was last updated: never, as far as its readers go. A fixed time: "now" would make every
     * reading of an empty feed another feed, with another tag, so a reader polling it would never get a 304.
     */
    static final Instant NEVER_UPDATED = Instant.EPOCH;

    /** @param base the site's configured address: every link and id in a feed is absolute */
    static String of(String title, String selfUrl, String pageUrl, String base, List<Post> posts) {
        Instant updated = posts.stream().map(p -> p.summary().modifiedForReaders()).max(Instant::compareTo).orElse(NEVER_UPDATED);
        StringBuilder out = new StringBuilder("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="sv">
                """);
        out.append("<title>").append(text(title)).append("</title>\n")
                .append("<id>").append(text(selfUrl)).append("</id>\n")
                .append("<updated>").append(SiteTime.format(updated)).append("</updated>\n")
                .append("<link rel=\"self\" type=\"application/atom+xml\" href=\"").append(text(selfUrl)).append("\"/>\n")
                .append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(text(pageUrl)).append("\"/>\n")
                .append("<generator>Inlägg</generator>\n")
                // The site's icon, which feed readers show beside the feed's name.
                .append("<icon>").append(text(base + "/favicon.ico")).append("</icon>\n");
        long contentBytes = 0;
        for (Post post : posts) {
            PostSummary s = post.summary();
            out.append("<entry>\n")
                    .append("<id>urn:uuid:").append(text(s.id())).append("</id>\n")
                    // Isolated as the pages isolate it: a title with a right-to-left override left open, as pasted, would
                    // turn what a feed reader shows after it on its line, the date or the feed's name.
                    .append("<title>").append(text(DirectionControls.isolated(s.title()))).append("</title>\n")
                    .append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(text(base + Views.postPath(s.slug()))).append("\"/>\n")
                    .append("<published>").append(SiteTime.format(s.publishedAt())).append("</published>\n")
                    .append("<updated>").append(SiteTime.format(s.modifiedForReaders())).append("</updated>\n")
                    .append("<author><name>").append(text(DirectionControls.isolated(s.author().name()))).append("</name>")
                    // The person's page, as the post's byline links it, not the author's name alone.
                    .append(Facet.person(s.author().name()).map(f -> "<uri>" + text(base + f.path()) + "</uri>").orElse(""))
                    .append("</author>\n");
            s.tags().forEach(t -> out.append("<category term=\"").append(text(t.slug())).append("\" label=\"")
                    .append(text(DirectionControls.isolated(t.name()))).append("\"/>\n"));
            // The summary before the picture's elements: feedparser takes the first description it meets for the entry's
            // summary, which would otherwise be the picture's alt text.
            out.append("<summary>").append(text(s.excerpt())).append("</summary>\n");
            // Absolute, as the feed's links are: a feed reader has no page to resolve a picture's address against. The
            // type is that of the file an upload was checked to be; of a picture elsewhere nothing is known.
            s.image().ifPresent(i -> {
                String type = i.storedName().flatMap(ImageType::ofStoredName).map(t -> " type=\"" + t.mediaType() + "\"").orElse("");
                String url = text(SiteUrls.absolute(base, i.url()));
                out.append("<link rel=\"enclosure\"").append(type).append(" href=\"").append(url).append("\"/>\n")
                        .append("<media:content url=\"").append(url).append("\" medium=\"image\"").append(type).append(">")
                        .append("<media:description>").append(text(i.alt())).append("</media:description></media:content>\n");
            });
            String page = base + Views.postPath(s.slug());
            String content = text(figure(s, base) + absoluteLinks(post.bodyHtml(), page));
            contentBytes += content.getBytes(StandardCharsets.UTF_8).length;
            if (contentBytes <= CONTENT_BUDGET_BYTES) {
                out.append("<content type=\"html\" xml:base=\"").append(text(page)).append("\">")
                        .append(content).append("</content>\n");
            }
            out.append("</entry>\n");
        }
        return out.append("</feed>\n").toString();
    }

    /**
     * A link's or a picture's address in a post's HTML that names no scheme ("/tags/frivard", "#lista", "annat-inlagg"): the
     * first href or src of an a or img the renderer wrote. Tied to the tag, since an alt text may end in " src=" (the
     * renderer writes a quote in text or in an attribute as "&amp;quot;" and a "&gt;" as "&amp;gt;", so no attribute ends
     * early and no tag ends inside one).
     */
    private static final Pattern RELATIVE_ADDRESS =
            Pattern.compile("(<(?:a|img)\\s[^>]*?(?<=\\s)(?:href|src)=\")(?![a-zA-Z][a-zA-Z0-9+.-]*:)([^\">]*)\"");

    /**
     * The post's HTML with every address written relative to the site resolved against the post's own page, as a
     * browser on that page resolves it (many feed readers ignore the content's xml:base, kept too). What a browser takes
     * in an address and URI refuses is written as a browser sends it first (else "/sok?q=a|b", "</a b>" and
     * "/bild?x=50%" would stay relative); an address no URI can be made of even so is left
     * as it was written.
     */
    static String absoluteLinks(String html, String page) {
        URI pageUri = URI.create(page);
        return RELATIVE_ADDRESS.matcher(html).replaceAll(m -> {
            try {
                return Matcher.quoteReplacement(m.group(1) + resolved(pageUri, WebAddresses.asSent(m.group(2))) + "\"");
            } catch (IllegalArgumentException notAUri) {
                return Matcher.quoteReplacement(m.group());
            }
        });
    }

    /**
     * An address as a browser resolves it on the page (RFC 3986, 5.2), where URI follows the older RFC 2396: an
     * empty one is the page itself and "?q=1" the page with that query (URI makes both the page's folder), and no ".."
     * climbs above the root ({@link DotSegments}).
     */
    static String resolved(URI page, String address) {
        String pagePath = page.getScheme() + "://" + page.getRawAuthority() + page.getRawPath();
        if (address.isEmpty() || address.startsWith("?")) {
            return pagePath + address;
        }
        URI to = page.resolve(address);
        String path = to.getRawPath() == null ? "" : DotSegments.removed(to.getRawPath());
        return to.getScheme() + "://" + to.getRawAuthority() + path + (to.getRawQuery() == null ? "" : "?" + to.getRawQuery())
                + (to.getRawFragment() == null ? "" : "#" + to.getRawFragment());
    }

    /** The post's picture as HTML, escaped, for the top of an entry's content; nothing without one. */
    static String figure(PostSummary s, String base) {
        return s.image().map(i -> "<figure><img src=\"" + text(SiteUrls.absolute(base, i.url())) + "\" alt=\"" + text(i.alt()) + "\">"
                + i.caption().map(c -> "<figcaption>" + text(c) + "</figcaption>").orElse("") + "</figure>\n").orElse("");
    }

    /**
     * Text for XML content or a quoted attribute. What XML 1.0 cannot carry is U+FFFD ({@link MarkupText}): the rules
     * refuse it in what is typed, but a post stored before they refused U+FFFE and U+FFFF, or a body's HTML made from
     * a character reference ("&#x1;"), must not make its feed one no reader can parse.
     */
    static String text(String s) {
        return MarkupText.escape(s);
    }
}
