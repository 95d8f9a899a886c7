package se.inlagg.store;

import java.time.Instant;
import se.inlagg.posts.Facet;
import se.inlagg.posts.SiteTime;

/**
 * Every key format of the one table, in one place; docs/ARCHITECTURE.md draws the model.
 *
 * <p>A post's items share its partition {@code POST#<id>}: the post ({@code POST}), its body
 * ({@code BODY}) and one list entry per facet it is in ({@code POST#TAG#<slug>},
 * {@code POST#PERSON#<slug>}, {@code POST#OFFICE#<slug>}), each a copy of the summary keyed into
 * GSI1 under the facet's list ({@code TAG#<slug>} …), so a page of any list is one Query with no
 * second read. Entries sort after {@code POST}, so "BODY" to "POST" reads the post and its body
 * alone; its earlier versions ({@code VERSION#<number>}) sort after the entries. Facet counters live in their own
 * partitions.
 */
final class Keys {

    static final String PK = "PK";
    static final String SK = "SK";
    static final String GSI1 = "GSI1";
    static final String GSI1PK = "GSI1PK";
    static final String GSI1SK = "GSI1SK";
    static final String GSI2 = "GSI2";
    static final String GSI2PK = "GSI2PK";
    static final String GSI2SK = "GSI2SK";
    /** The TTL attribute (epoch seconds) of records that expire: idempotency records, sessions, earlier versions of posts. */
    static final String EXPIRES_AT = "expiresAt";

    static final String POST_SK = "POST";
    static final String BODY_SK = "BODY";
    static final String SLUG_SK = "SLUG";
    static final String SLUG_COUNTER_SK = "SLUGS";
    static final String AUTHOR_SK = "AUTHOR";
    static final String TOKEN_SK = "TOKEN";
    static final String IDEM_SK = "IDEM";
    static final String SESSION_SK = "SESSION";
    static final String RATE_SK = "RATE";
    /** Sorts after the post's entries ("POST#…"), so no read of the post and its entries meets an earlier version. */
    static final String VERSION_PREFIX = "VERSION#";
    private static final int VERSION_DIGITS = 19;

    /** Every published post, newest first (GSI1). */
    static final String FEED = "FEED";

    /** Every author (GSI1, keyed by id): how an operator finds an author's id with one Query, never a Scan. */
    static final String AUTHORS = "AUTHORS";

    /** Sorts above every "<time>#<id>" so a BETWEEN bound at a second takes all ids of that second. */
    static final String HIGH = "~";
    /** Sorts below every time a post can have. */
    static final String LOW = "0";

    private static final String POST_PREFIX = "POST#";

    private Keys() {
    }

    static String post(String id) {
        return POST_PREFIX + id;
    }

    static String postIdOfPartition(String pk) {
        return pk.substring(POST_PREFIX.length());
    }

    /** The name a facet kind has in keys: TAG (categories keep their first name), PERSON, OFFICE, MONTH. */
    static String kind(Facet.Kind kind) {
        return switch (kind) {
            case CATEGORY -> "TAG";
            case PERSON -> "PERSON";
            case OFFICE -> "OFFICE";
            case MONTH -> "MONTH";
        };
    }

    /** A facet's list of posts (GSI1PK of the entries). */
    static String facetList(Facet.Kind kind, String slug) {
        return kind(kind) + "#" + slug;
    }

    /** A post's entry in a facet's list: its sort key in the post's partition, after "POST". */
    static String entry(Facet.Kind kind, String slug) {
        return POST_SK + "#" + facetList(kind, slug);
    }

    /** Where a facet's counter lives: its own partition, sort key {@link #counterSort}. */
    static String counter(Facet.Kind kind, String slug) {
        return kind(kind) + "#" + slug;
    }

    static String counterSort(Facet.Kind kind) {
        return kind(kind);
    }

    /** The GSI1 partition listing every counter of a kind: TAGS, PERSONS, OFFICES, MONTHS. */
    static String counters(Facet.Kind kind) {
        return kind(kind) + "S";
    }

    /**
     * An earlier version's sort key in its post's partition: the version number zero-padded, so they sort by number
     * (19 digits hold every long). Padded here rather than by {@code String.format("%019d")}, whose Formatter loads the
     * default locale's number symbols from the JDK's CLDR data, some 45 classes in the cold start of every function that
     * keeps or reads a version, for a field of ASCII digits.
     */
    static String version(long number) {
        if (number < 0) {
            throw new IllegalArgumentException("a version's number is never negative: " + number);
        }
        String digits = Long.toString(number);
        return VERSION_PREFIX + "0".repeat(VERSION_DIGITS - digits.length()) + digits;
    }

    static long versionNumberOf(String sortKey) {
        return Long.parseLong(sortKey.substring(VERSION_PREFIX.length()));
    }

    static String slug(String slug) {
        return "SLUG#" + slug;
    }

    /** The counter of the slugs a title has made: never deleted, so numbers are never given twice. */
    static String slugCounter(String base) {
        return "SLUGS#" + base;
    }

    static String author(String id) {
        return "AUTHOR#" + id;
    }

    /** The author id of an author's partition key (AUTHOR#{id}). */
    static String authorIdOf(String pk) {
        return pk.substring(author("").length());
    }

    static String token(String sha256) {
        return "TOKEN#" + sha256;
    }

    /** Scoped per author, so one author's key can never replay another's post. */
    static String idempotency(String authorId, String keySha256) {
        return "IDEM#" + authorId + "#" + keySha256;
    }

    static String session(String idSha256) {
        return "SESSION#" + idSha256;
    }

    static String rateLimit(String scope, String clientSha256) {
        return "RATE#" + scope + "#" + clientSha256;
    }

    /** A clock hour's counter under a rate limit's key ({@link WriteAllowance}): hours since the epoch. */
    static String allowanceHour(long hour) {
        return "HOUR#" + hour;
    }

    /** Every post of one author, of any status (GSI2), the most recently changed first. */
    static String authorPosts(String authorId) {
        return "AUTHOR#" + authorId + "#POSTS";
    }

    static String changedSort(Instant updatedAt, String id) {
        return SiteTime.format(updatedAt) + "#" + id;
    }

    static String listSort(Instant publishedAt, String id) {
        return SiteTime.format(publishedAt) + "#" + id;
    }

    static String postIdOfSort(String sortKey) {
        return sortKey.substring(sortKey.indexOf('#') + 1);
    }
}
