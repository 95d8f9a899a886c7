package se.inlagg.store;

import java.time.Instant;
import se.inlagg.posts.SiteTime;

/** Every key format of the one table, in one place (see the data model in DESIGN.md). */
final class Keys {

    static final String PK = "PK";
    static final String SK = "SK";
    static final String GSI1 = "GSI1";
    static final String GSI1PK = "GSI1PK";
    static final String GSI1SK = "GSI1SK";
    static final String GSI2 = "GSI2";
    static final String GSI2PK = "GSI2PK";
    static final String GSI2SK = "GSI2SK";
    /** The TTL attribute (epoch seconds) of records that expire: idempotency records, sessions. */
    static final String EXPIRES_AT = "expiresAt";

    static final String POST_SK = "POST";
    static final String BODY_SK = "BODY";
    static final String TAG_SK = "TAG";
    static final String SLUG_SK = "SLUG";
    static final String AUTHOR_SK = "AUTHOR";
    static final String TOKEN_SK = "TOKEN";
    static final String IDEM_SK = "IDEM";
    static final String SESSION_SK = "SESSION";
    static final String RATE_SK = "RATE";

    static final String FEED = "FEED";
    static final String TAGS = "TAGS";

    /** Sorts above every "<time>#<id>" so a BETWEEN bound at a second takes all ids of that second. */
    static final String HIGH = "~";
    /** Sorts below every time a post can have. */
    static final String LOW = "0";

    private Keys() {
    }

    static String post(String id) {
        return "POST#" + id;
    }

    static String postIdOfPartition(String pk) {
        return pk.substring("POST#".length());
    }

    static String tagEntry(String tagSlug) {
        return "TAG#" + tagSlug;
    }

    static String tag(String tagSlug) {
        return "TAG#" + tagSlug;
    }

    static String slug(String slug) {
        return "SLUG#" + slug;
    }

    static String author(String id) {
        return "AUTHOR#" + id;
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

    static String drafts(String authorId) {
        return "AUTHOR#" + authorId + "#DRAFT";
    }

    static String listSort(Instant publishedAt, String id) {
        return SiteTime.format(publishedAt) + "#" + id;
    }

    static String postIdOfListSort(String gsi1sk) {
        return gsi1sk.substring(gsi1sk.indexOf('#') + 1);
    }
}
