package se.inlagg.posts;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What lists show of a post: everything but the body. It is the part stored again in each of the
 * post's tag entries, so a category page is one query. {@code dated} says whether {@code publishedAt} is the
 * post's date for readers: one its author gave, or its publication (kept through an unpublish). A draft
 * nobody dated has the time it was started there, which publishing replaces with the moment it goes out.
 * {@code bodyVersion} is the version at which its text was last written, as the post item records it, by which the
 * store tells a body read with it from one a write changed meanwhile (0: not known, as in a list's copy or a post
 * stored before it was recorded); it is no part of what the post says.
 */
public record PostSummary(
        String id,
        String slug,
        String title,
        String excerpt,
        Byline author,
        List<Tag> tags,
        Optional<Image> image,
        Status status,
        Instant publishedAt,
        boolean dated,
        Instant updatedAt,
        long version,
        String authorId,
        long bodyVersion) {

    public PostSummary {
        tags = List.copyOf(tags);
    }

    /** A post whose text's version is not known (0). */
    public PostSummary(String id, String slug, String title, String excerpt, Byline author, List<Tag> tags, Optional<Image> image,
                       Status status, Instant publishedAt, boolean dated, Instant updatedAt, long version, String authorId) {
        this(id, slug, title, excerpt, author, tags, image, status, publishedAt, dated, updatedAt, version, authorId, 0);
    }

    /** The post with these categories, as a change made now: its next version. */
    public PostSummary withTags(List<Tag> newTags, Instant now) {
        return new PostSummary(id, slug, title, excerpt, author, newTags, image, status,
                publishedAt, dated, now, version + 1, authorId, bodyVersion);
    }

    /** The post with this picture (or none), as a change made now: its next version. */
    public PostSummary withImage(Optional<Image> newImage, Instant now) {
        return new PostSummary(id, slug, title, excerpt, author, tags, newImage, status,
                publishedAt, dated, now, version + 1, authorId, bodyVersion);
    }

    /** The post published or taken back, at this date (its own when {@code newDated}), as a change made now: its next version. */
    public PostSummary withStatus(Status newStatus, Instant newPublishedAt, boolean newDated, Instant now) {
        return new PostSummary(id, slug, title, excerpt, author, tags, image, newStatus,
                newPublishedAt, newDated, now, version + 1, authorId, bodyVersion);
    }

    /**
     * The same version of the post with these tags in place of its own: its categories as their counters name them. No
     * change of the post, so neither its version nor its time of change moves (as {@link #withTags} does).
     */
    public PostSummary withTagNames(List<Tag> named) {
        return new PostSummary(id, slug, title, excerpt, author, named, image, status,
                publishedAt, dated, updatedAt, version, authorId, bodyVersion);
    }

    /** The same post numbered as another version, all else alike. */
    public PostSummary withVersion(long otherVersion) {
        return new PostSummary(id, slug, title, excerpt, author, tags, image, status,
                publishedAt, dated, updatedAt, otherVersion, authorId, bodyVersion);
    }

    /** Where readers find it: its categories, its author, its office and its month (in the site's zone). */
    public List<Facet> facets(ZoneId zone) {
        return facets(tags, author, publishedAt, zone);
    }

    /**
     * Where readers find a post of these categories, byline and time: what {@link #facets(ZoneId)} says of a
     * post, for what holds only these of it (the search index's stored fields).
     */
    public static List<Facet> facets(List<Tag> tags, Byline author, Instant publishedAt, ZoneId zone) {
        List<Facet> facets = new ArrayList<>();
        tags.forEach(t -> facets.add(Facet.category(t)));
        Facet.person(author.name()).ifPresent(facets::add);
        author.office().flatMap(Facet::office).ifPresent(facets::add);
        facets.add(Facet.month(YearMonth.from(publishedAt.atZone(zone))));
        return facets;
    }

    /**
     * When readers last saw it change: its last edit, or its publication when that came after (a post
     * scheduled ahead appears at its time, after it was last saved). Feeds, sitemaps and link previews
     * say this, so a post never looks modified before it was published.
     */
    public Instant modifiedForReaders() {
        return updatedAt.isAfter(publishedAt) ? updatedAt : publishedAt;
    }

    /** Whether readers may see it at this moment: published, and its time has come. */
    public boolean visibleAt(Instant now) {
        return status == Status.PUBLISHED && !publishedAt.isAfter(now);
    }
}
