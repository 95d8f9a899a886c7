package se.inlagg.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.inlagg.posts.Byline;
import se.inlagg.posts.Image;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.SiteTime;
import se.inlagg.posts.Status;
import se.inlagg.posts.Tag;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps a post's summary to the post item and to its copies in each tag, and back. The attribute
 * names here are the ones template.yaml projects into GSI1, so a list page needs no second read.
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
    static final String STATUS = "status";
    static final String PUBLISHED_AT = "publishedAt";
    static final String UPDATED_AT = "updatedAt";
    static final String VERSION = "version";
    static final String AUTHOR_ID = "authorId";
    /** How the post's tags are counted in the tag items; see {@link Tally}. */
    static final String TALLY = "tally";
    static final String BODY = "body";
    static final String POST_ID = "postId";

    private static final EnhancedType<String> TEXT = EnhancedType.of(String.class);

    private PostItems() {
    }

    /** The post item; a draft also joins its author's drafts (GSI2, sparse like GSI1). */
    static Map<String, AttributeValue> postItem(PostSummary s, Tally tally) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(summary(s, Keys.post(s.id()), Keys.POST_SK, Keys.FEED, tally));
        if (s.status() == Status.DRAFT) {
            item.put(Keys.GSI2PK, AttributeValue.fromS(Keys.drafts(s.authorId())));
            item.put(Keys.GSI2SK, AttributeValue.fromS(SiteTime.format(s.updatedAt()) + "#" + s.id()));
        }
        return item;
    }

    static Map<String, AttributeValue> tagEntryItem(PostSummary s, String tagSlug, Tally tally) {
        return summary(s, Keys.post(s.id()), Keys.tagEntry(tagSlug), Keys.tag(tagSlug), tally);
    }

    static Map<String, AttributeValue> bodyItem(String postId, String body) {
        return EnhancedDocument.builder()
                .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
                .putString(Keys.PK, Keys.post(postId))
                .putString(Keys.SK, Keys.BODY_SK)
                .putString(BODY, body)
                .build().toMap();
    }

    static Map<String, AttributeValue> slugItem(String slug, String postId) {
        return EnhancedDocument.builder()
                .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
                .putString(Keys.PK, Keys.slug(slug))
                .putString(Keys.SK, Keys.SLUG_SK)
                .putString(POST_ID, postId)
                .build().toMap();
    }

    /** Drafts carry no list keys, so no list, feed or count can see them (the index is sparse). */
    private static Map<String, AttributeValue> summary(PostSummary s, String pk, String sk, String listKey, Tally tally) {
        var b = EnhancedDocument.builder()
                .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
                .putString(Keys.PK, pk)
                .putString(Keys.SK, sk)
                .putString(ID, s.id())
                .putString(SLUG, s.slug())
                .putString(TITLE, s.title())
                .putString(EXCERPT, s.excerpt())
                .putString(AUTHOR_NAME, s.author().name())
                .putList(TAG_SLUGS, s.tags().stream().map(Tag::slug).toList(), TEXT)
                .putList(TAG_NAMES, s.tags().stream().map(Tag::name).toList(), TEXT)
                .putString(STATUS, s.status().wire())
                .putString(PUBLISHED_AT, SiteTime.format(s.publishedAt()))
                .putString(UPDATED_AT, SiteTime.format(s.updatedAt()))
                .putNumber(VERSION, s.version())
                .putString(AUTHOR_ID, s.authorId())
                .putString(TALLY, tally.name());
        s.author().role().ifPresent(v -> b.putString(AUTHOR_ROLE, v));
        s.author().office().ifPresent(v -> b.putString(AUTHOR_OFFICE, v));
        s.image().ifPresent(i -> {
            b.putString(IMAGE_URL, i.url());
            b.putString(IMAGE_ALT, i.alt());
            i.caption().ifPresent(c -> b.putString(IMAGE_CAPTION, c));
        });
        if (s.status() == Status.PUBLISHED) {
            b.putString(Keys.GSI1PK, listKey);
            b.putString(Keys.GSI1SK, Keys.listSort(s.publishedAt(), s.id()));
        }
        return b.build().toMap();
    }

    static PostSummary summaryOf(EnhancedDocument d) {
        List<String> slugs = d.getList(TAG_SLUGS, TEXT);
        List<String> names = d.getList(TAG_NAMES, TEXT);
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; slugs != null && i < slugs.size(); i++) {
            tags.add(new Tag(slugs.get(i), names.get(i)));
        }
        Optional<Image> image = text(d, IMAGE_URL).map(url -> new Image(url,
                text(d, IMAGE_ALT).orElse(""), text(d, IMAGE_CAPTION)));
        return new PostSummary(
                d.getString(ID),
                d.getString(SLUG),
                d.getString(TITLE),
                text(d, EXCERPT).orElse(""),
                new Byline(d.getString(AUTHOR_NAME), text(d, AUTHOR_ROLE), text(d, AUTHOR_OFFICE)),
                tags,
                image,
                Status.fromWire(d.getString(STATUS)).orElseThrow(),
                Instant.parse(d.getString(PUBLISHED_AT)),
                Instant.parse(d.getString(UPDATED_AT)),
                d.getNumber(VERSION).longValue(),
                text(d, AUTHOR_ID).orElse(""));
    }

    static Tally tallyOf(EnhancedDocument d) {
        return text(d, TALLY).map(Tally::valueOf).orElse(Tally.NONE);
    }

    static Optional<String> text(EnhancedDocument d, String name) {
        return d.isPresent(name) && !d.isNull(name) ? Optional.ofNullable(d.getString(name)) : Optional.empty();
    }
}
