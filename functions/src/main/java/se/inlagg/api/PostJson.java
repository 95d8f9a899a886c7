package se.inlagg.api;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.inlagg.http.ETags;
import se.inlagg.http.HttpDates;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.HttpResponse;
import se.inlagg.posts.Byline;
import se.inlagg.posts.FacetCount;
import se.inlagg.posts.Image;
import se.inlagg.posts.Page;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.Seen;
import se.inlagg.posts.SiteTime;
import se.inlagg.posts.Status;
import se.inlagg.posts.StoredHtml;
import se.inlagg.posts.Tag;

/** Writes posts, pages and tags in the API's JSON shapes (the OpenAPI document names them). */
final class PostJson {

    private PostJson() {
    }

    static Map<String, Object> post(Post post) {
        PostSummary s = post.summary();
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", s.id());
        node.put("slug", s.slug());
        node.put("title", s.title());
        node.put("body", post.body());
        node.put("bodyHtml", post.bodyHtml());
        summaryFields(s, node, true);
        return node;
    }

    /** One post's summary, as a publish or unpublish answers it: read from the post's own item, so it knows {@code dated}. */
    static Map<String, Object> summary(PostSummary s) {
        return summary(s, true);
    }

    /**
     * A list's entry; without {@code dated}, which the author's list index does not carry (its projection is kept, as
     * changing it replaces the index): a guess would make "Mina inlägg" say otherwise than the post's own answer.
     */
    private static Map<String, Object> listed(PostSummary s) {
        return summary(s, false);
    }

    private static Map<String, Object> summary(PostSummary s, boolean ownItem) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", s.id());
        node.put("slug", s.slug());
        node.put("title", s.title());
        summaryFields(s, node, ownItem);
        return node;
    }

    private static void summaryFields(PostSummary s, Map<String, Object> node, boolean ownItem) {
        node.put("excerpt", s.excerpt());
        node.put("author", byline(s.author()));
        node.put("tags", tags(s.tags()));
        s.image().ifPresent(i -> node.put("image", image(i)));
        node.put("status", s.status().wire());
        node.put("publishedAt", SiteTime.format(s.publishedAt()));
        if (ownItem && s.status() == Status.DRAFT) {
            // A draft's publishedAt is either a date of its own, which publishing it now keeps, or when it was begun.
            node.put("dated", s.dated());
        }
        node.put("updatedAt", SiteTime.format(s.updatedAt()));
        node.put("version", s.version());
    }

    /** The post in the shape of a create body: what an edit's merge patch applies to. */
    static Map<String, Object> createFields(Post post) {
        PostSummary s = post.summary();
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("title", s.title());
        node.put("body", post.body());
        node.put("author", byline(s.author()));
        node.put("tags", s.tags().stream().map(Tag::name).toList());
        node.put("publishedAt", SiteTime.format(s.publishedAt()));
        // The size is read from the file, never written by a client: the patch applies to the fields it may send.
        s.image().ifPresent(i -> node.put("image", imageInput(i)));
        node.put("excerpt", s.excerpt());
        node.put("status", s.status().wire());
        return node;
    }

    static Map<String, Object> byline(Byline b) {
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("name", b.name());
        b.role().ifPresent(r -> author.put("role", r));
        b.office().ifPresent(o -> author.put("office", o));
        return author;
    }

    private static Map<String, Object> imageInput(Image i) {
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("url", i.url());
        image.put("alt", i.alt());
        i.caption().ifPresent(c -> image.put("caption", c));
        return image;
    }

    private static Map<String, Object> image(Image i) {
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("url", i.url());
        image.put("alt", i.alt());
        i.caption().ifPresent(c -> image.put("caption", c));
        i.size().ifPresent(size -> {
            image.put("width", size.width());
            image.put("height", size.height());
        });
        return image;
    }

    /** A post's answer with its validators, so the client can edit it or revalidate its copy. */
    static HttpResponse withValidators(HttpResponse response, PostSummary post) {
        return response.withHeader("etag", etag(post)).withHeader("last-modified", HttpDates.format(post.updatedAt()));
    }

    /**
     * Raise it when what the API answers for a post changes (a field added, renamed or written otherwise): every post's
     * ETag changes with it. A tag of the post's version alone would outlive a deploy that answers a post otherwise: a
     * revalidation (the CDN's every 30 s, a client's If-None-Match) would be answered 304, and the old answer kept for
     * as long as the post does not change. PostJsonShapeTest fails when the answer changes and this does not.
     */
    static final int SHAPE = 1;

    /** How a version is answered: the shape above and the body's renderer (StoredHtml.VERSION, which changes bodyHtml). */
    static final String REPRESENTATION = "shape " + SHAPE + ", renderer " + StoredHtml.VERSION;

    static String etag(PostSummary post) {
        return ETags.ofVersion(post.id(), post.version(), REPRESENTATION);
    }

    /**
     * The post as the request saw it, when it says: by If-Match (strongly), or else by If-Unmodified-Since
     * against the Last-Modified it was given (RFC 9110, 13.1.4: not changed after that second). A date
     * that is no HTTP-date is ignored, as the RFC says. If-Match: * names no version (ETags.namesAny): the change is
     * retried as one sent without it.
     */
    static Optional<Seen> seen(HttpRequest request) {
        Optional<String> ifMatch = request.header("if-match");
        if (ifMatch.isPresent()) {
            return ETags.namesAny(ifMatch.get()) ? Optional.empty()
                    : ifMatch.map(header -> current -> ETags.matchesStrongly(header, etag(current)));
        }
        return request.header("if-unmodified-since").flatMap(HttpDates::parse)
                .map(since -> current -> !current.updatedAt().truncatedTo(ChronoUnit.SECONDS).isAfter(since));
    }

    static List<Map<String, Object>> tags(List<Tag> tags) {
        List<Map<String, Object>> list = new ArrayList<>();
        tags.forEach(t -> {
            Map<String, Object> tag = new LinkedHashMap<>();
            tag.put("slug", t.slug());
            tag.put("name", t.name());
            list.add(tag);
        });
        return list;
    }

    static Map<String, Object> tagsOf(PostSummary s) {
        return Map.of("tags", tags(s.tags()));
    }

    static Map<String, Object> page(Page<PostSummary> page) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("items", page.items().stream().map(PostJson::listed).toList());
        node.put("nextCursor", page.nextCursor().orElse(null));
        return node;
    }

    static Map<String, Object> facetCounts(List<FacetCount> counts) {
        List<Map<String, Object>> items = new ArrayList<>();
        counts.forEach(c -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("slug", c.facet().slug());
            item.put("name", c.facet().name());
            item.put("count", c.count());
            items.add(item);
        });
        return Map.of("items", items);
    }
}
