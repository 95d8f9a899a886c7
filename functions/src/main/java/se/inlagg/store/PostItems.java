package se.inlagg.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import se.inlagg.posts.Body;
import se.inlagg.posts.Byline;
import se.inlagg.posts.ExcerptOrigin;
import se.inlagg.posts.Facet;
import se.inlagg.posts.Image;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostRules;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.PostVersion;
import se.inlagg.posts.SiteTime;
import se.inlagg.posts.Status;
import se.inlagg.posts.StoredHtml;
import se.inlagg.posts.Tag;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps a post's summary to the post item and to its copies in each facet's list, and back. The
 * attribute names here are the ones template.yaml projects into the indexes, so a list page needs
 * no second read.
 */
final class PostItems {

    static final String ID = "id";
    static final String SLUG = "slug";
    static final String TITLE = "title";
    static final String EXCERPT = "excerpt";
    static final String AUTHOR_NAME = "authorName";
    static final String AUTHOR_ROLE = "authorRole";
    static final String AUTHOR_OFFICE = "authorOffice";
    static final String TAG_SLUGS = "tagSlugs";
    static final String TAG_NAMES = "tagNames";
    static final String IMAGE_URL = "imageUrl";
    static final String IMAGE_ALT = "imageAlt";
    static final String IMAGE_CAPTION = "imageCaption";
    /** Not projected into the indexes: lists show no pictures, and every write reads the post item itself. */
    static final String IMAGE_WIDTH = "imageWidth";
    static final String IMAGE_HEIGHT = "imageHeight";
    /** Not projected either: only a picture's save sent again reads it, from the post item (Image#savedIn). */
    static final String IMAGE_SAVED_IN = "imageSavedIn";
    static final String STATUS = "status";
    static final String PUBLISHED_AT = "publishedAt";
    /**
     * On a draft: 1 when its publishedAt is a date its author gave or its publication's (PostSummary.dated), else 0;
     * a published post always is. A draft stored without it reads as dated when its date was still to come when it
     * was saved (a schedule, which publishing keeps), else not (published now).
     * Not projected into the indexes (a new projection replaces an index): a draft read from its author's list reads
     * by that same rule, which lists never ask.
     */
    static final String DATED = "dated";
    static final String UPDATED_AT = "updatedAt";
    static final String VERSION = "version";
    static final String AUTHOR_ID = "authorId";
    /**
     * On the post item: the post's version that wrote its body item, which carries that version too. DynamoDB reads the
     * items of a Query or a BatchGetItem each as committed when it comes to them, so a read of both may meet a write
     * between them (its documented read-committed isolation): the two numbers tell. Not projected into the indexes.
     */
    static final String BODY_VERSION = "bodyVersion";
    static final String BODY = "body";
    static final String BODY_HTML = "html";
    /** Text and HTML together in a body item: under DynamoDB's 409,600 bytes an item, with room for the key and the rest. */
    static final int BODY_AND_HTML_LIMIT = 400_000;
    static final String RENDERER = "renderer";
    /**
     * On the body item and an earlier version: whether the post's excerpt is made from this text (ExcerptOrigin), so the
     * edit form need not read the text as Markdown to know. Written with the text; a write that changes only the excerpt
     * writes the body item too (PostService#update), and a mark for another excerpt is not trusted.
     */
    static final String EXCERPT_MARK = "excerptMark";
    static final String POST_ID = "postId";
    /** On an earlier version: when an edit replaced it. */
    static final String REPLACED_AT = "replacedAt";
    static final String LAST = "last";
    /** What a post reads as whose body item is missing (here and in {@link PostLists}). */
    static final Body NO_BODY = new Body("", "");

    private PostItems() {
    }

    /** The post item: in the feed when published (GSI1), and always in its author's posts (GSI2). */
    static Map<String, AttributeValue> postItem(PostSummary s) {
        return postItem(s, s.bodyVersion());
    }

    /**
     * The same, naming the version its body item was written at ({@link #BODY_VERSION}; 0 for not known, which leaves it
     * out): a read of both checks that they belong together.
     */
    static Map<String, AttributeValue> postItem(PostSummary s, long bodyVersion) {
        Item.Builder b = summary(s, Keys.post(s.id()), Keys.POST_SK, Keys.FEED);
        b.s(Keys.GSI2PK, Keys.authorPosts(s.authorId()));
        b.s(Keys.GSI2SK, Keys.changedSort(s.updatedAt(), s.id()));
        if (bodyVersion > 0) {
            b.n(BODY_VERSION, bodyVersion);
        }
        return b.build();
    }

    /** The post's entry in one facet's list: a copy of the summary, listed only while published. */
    static Map<String, AttributeValue> entryItem(PostSummary s, Facet facet) {
        return summary(s, Keys.post(s.id()), Keys.entry(facet.kind(), facet.slug()),
                Keys.facetList(facet.kind(), facet.slug())).build();
    }

    /**
     * The post as it was before an edit, kept in its partition: its summary (in no list: no index keys) and its text as
     * written, which is rendered again when it is shown (the renderer may have changed since). DynamoDB removes it after
     * {@code expiresAt}. A text at the limit (300,000 bytes) and its summary fit one item.
     */
    static Map<String, AttributeValue> versionItem(Post post, Instant replacedAt, Instant expiresAt) {
        Item.Builder b = summary(post.summary(), Keys.post(post.id()), Keys.version(post.version()), null)
                .s(BODY, post.body())
                .s(REPLACED_AT, SiteTime.format(replacedAt))
                .n(Keys.EXPIRES_AT, expiresAt.getEpochSecond());
        if (!post.excerptMark().isEmpty()) {
            b.s(EXCERPT_MARK, post.excerptMark());
        }
        return b.build();
    }

    /** An earlier version as read; its HTML only when {@code rendered} (a list of them shows no text). */
    static PostVersion versionOf(Item d, boolean rendered) {
        String markdown = lines(d.text(BODY).orElse(""));
        return new PostVersion(new Post(summaryOf(d), markdown, rendered ? Body.of(markdown).html() : "", d.text(EXCERPT_MARK).orElse("")),
                Instant.parse(d.string(REPLACED_AT)));
    }

    /** Whether DynamoDB may still hold this item though its time has passed (TTL removes it within days, not at once). */
    static boolean expired(Item d, Instant now) {
        return d.has(Keys.EXPIRES_AT) && d.number(Keys.EXPIRES_AT) <= now.getEpochSecond();
    }

    /**
     * The body item: the text as written and, when both fit in one item, its HTML, so a read does not
     * render it again. HTML can be five times the text ("&" is "&amp;"), and text at the limit authors
     * are promised (300,000 bytes) with its HTML would pass DynamoDB's 400 KB an item: such a body is
     * stored as text alone and rendered when read ({@link #bodyOf} does that for any item without HTML). Its
     * {@link #VERSION} is the post's version that wrote it, which the post item names as its {@link #BODY_VERSION}. Its
     * {@link #EXCERPT_MARK} is for the post's excerpt as written with it, both as a read gives them back.
     */
    static Map<String, AttributeValue> bodyItem(String postId, long writtenAt, Body body, String excerpt) {
        Item.Builder item = Item.builder().key(Keys.post(postId), Keys.BODY_SK).s(BODY, body.markdown()).n(VERSION, writtenAt);
        if (Item.utf8Bytes(body.markdown()) + Item.utf8Bytes(body.html()) <= BODY_AND_HTML_LIMIT) {
            item.s(BODY_HTML, body.html());
        }
        return item.n(RENDERER, StoredHtml.VERSION)
                .s(EXCERPT_MARK, ExcerptOrigin.mark(PostRules.excerptAsRead(lines(excerpt)), lines(body.markdown())))
                .build();
    }

    /**
     * What a read by slug asks for in one call: the slug's claim, then the post item (and, with
     * {@code withBody}, the body) of {@code named}, the id the slug names ({@link se.inlagg.posts.Ids#ofSlug}),
     * the id of every post created since ids were named so. The claim says whether that is the slug's post.
     */
    static List<Map<String, AttributeValue>> bySlug(String slug, String named, boolean withBody) {
        String post = Keys.post(named);
        return withBody
                ? List.of(Table.key(Keys.slug(slug), Keys.SLUG_SK), Table.key(post, Keys.POST_SK), Table.key(post, Keys.BODY_SK))
                : List.of(Table.key(Keys.slug(slug), Keys.SLUG_SK), Table.key(post, Keys.POST_SK));
    }

    static Map<String, AttributeValue> slugItem(String slug, String postId) {
        return Item.builder().key(Keys.slug(slug), Keys.SLUG_SK).s(POST_ID, postId).build();
    }

    static Map<String, AttributeValue> slugCounterItem(String base, long last) {
        return Item.builder().key(Keys.slugCounter(base), Keys.SLUG_COUNTER_SK).n(LAST, last).build();
    }

    /**
     * Drafts carry no list keys, so no list, feed or count can see them (the index is sparse); nor does an earlier
     * version (no {@code listKey}).
     */
    private static Item.Builder summary(PostSummary s, String pk, String sk, String listKey) {
        Item.Builder b = Item.builder().key(pk, sk)
                .s(ID, s.id())
                .s(SLUG, s.slug())
                .s(TITLE, s.title())
                .s(EXCERPT, s.excerpt())
                .s(AUTHOR_NAME, s.author().name())
                .s(AUTHOR_ROLE, s.author().role())
                .s(AUTHOR_OFFICE, s.author().office())
                .strings(TAG_SLUGS, s.tags().stream().map(Tag::slug).toList())
                .strings(TAG_NAMES, s.tags().stream().map(Tag::name).toList())
                .s(STATUS, s.status().wire())
                .s(PUBLISHED_AT, SiteTime.format(s.publishedAt()))
                .s(UPDATED_AT, SiteTime.format(s.updatedAt()))
                .n(VERSION, s.version())
                .s(AUTHOR_ID, s.authorId());
        s.image().ifPresent(i -> {
            b.s(IMAGE_URL, i.url()).s(IMAGE_ALT, i.alt()).s(IMAGE_CAPTION, i.caption());
            i.size().ifPresent(size -> b.n(IMAGE_WIDTH, size.width()).n(IMAGE_HEIGHT, size.height()));
            i.savedIn().ifPresent(version -> b.n(IMAGE_SAVED_IN, version));
        });
        if (s.status() == Status.DRAFT) {
            b.n(DATED, s.dated() ? 1 : 0);
        }
        if (s.status() == Status.PUBLISHED && listKey != null) {
            b.s(Keys.GSI1PK, listKey);
            b.s(Keys.GSI1SK, Keys.listSort(s.publishedAt(), s.id()));
        }
        return b;
    }

    /**
     * A text's lines ending in a newline alone, as the form stores them (PastedText); an older one may hold a browser's
     * CR LF. Read so, an API client gets one kind of line end, and a form sent again with the same words is the same
     * text, not a change (or a conflict showing two texts alike).
     */
    private static String lines(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n");
    }

    static PostSummary summaryOf(Item d) {
        List<String> slugs = d.strings(TAG_SLUGS);
        List<String> names = d.strings(TAG_NAMES);
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < slugs.size() && i < names.size(); i++) {
            tags.add(new Tag(slugs.get(i), names.get(i)));
        }
        Optional<Image.Size> size = d.has(IMAGE_WIDTH) && d.has(IMAGE_HEIGHT)
                ? Optional.of(new Image.Size((int) d.number(IMAGE_WIDTH), (int) d.number(IMAGE_HEIGHT))) : Optional.empty();
        OptionalLong savedIn = d.has(IMAGE_SAVED_IN) ? OptionalLong.of(d.number(IMAGE_SAVED_IN)) : OptionalLong.empty();
        Optional<Image> image = d.text(IMAGE_URL).map(url -> new Image(url, d.text(IMAGE_ALT).orElse(""), d.text(IMAGE_CAPTION), size,
                savedIn));
        Status status = Status.fromWire(d.string(STATUS)).orElseThrow();
        Instant publishedAt = Instant.parse(d.string(PUBLISHED_AT));
        Instant updatedAt = Instant.parse(d.string(UPDATED_AT));
        boolean dated = status == Status.PUBLISHED || (d.has(DATED) ? d.number(DATED) == 1 : publishedAt.isAfter(updatedAt));
        return new PostSummary(
                d.string(ID),
                d.string(SLUG),
                d.string(TITLE),
                PostRules.excerptAsRead(lines(d.text(EXCERPT).orElse(""))),
                new Byline(d.string(AUTHOR_NAME), d.text(AUTHOR_ROLE), d.text(AUTHOR_OFFICE)),
                tags,
                image,
                status,
                publishedAt,
                dated,
                updatedAt,
                d.number(VERSION),
                d.text(AUTHOR_ID).orElse(""),
                d.has(BODY_VERSION) ? d.number(BODY_VERSION) : 0);
    }

    /** The post's version that wrote this body item; 0 for one written before it was recorded. */
    static long bodyWrittenAt(Item body) {
        return body.has(VERSION) ? body.number(VERSION) : 0;
    }

    /** The post of this summary and body item (none read: no text), with the body's mark of where the excerpt comes from. */
    static Post postOf(PostSummary summary, Optional<Item> bodyItem) {
        Body body = bodyItem.map(PostItems::bodyOf).orElse(NO_BODY);
        return new Post(summary, body.markdown(), body.html(), bodyItem.flatMap(d -> d.text(EXCERPT_MARK)).orElse(""));
    }

    /** The body as HTML; stored HTML from an older renderer is made again rather than served stale, where it differs. */
    static Body bodyOf(Item d) {
        String markdown = lines(d.text(BODY).orElse(""));
        Optional<String> html = d.text(BODY_HTML).flatMap(h -> StoredHtml.servable(d.number(RENDERER), markdown, h));
        return html.map(h -> new Body(markdown, h)).orElseGet(() -> Body.of(markdown));
    }
}
