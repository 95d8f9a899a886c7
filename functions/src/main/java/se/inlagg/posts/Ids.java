package se.inlagg.posts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Makes ids. A new post's id is named by its slug, so whatever reads a post by its slug (its page,
 * the API, every write) can read the post in the same call as the slug's claim instead of after it.
 * A slug is claimed once and never changes, so it names one post. Random ids come from a fresh
 * SecureRandom each, because a generator created before a SnapStart snapshot would hand every
 * restored copy of the function the same sequence.
 */
public final class Ids {

    /** The namespace of post slugs (RFC 9562 name-based ids): fixed forever, or every post's id changes meaning. */
    private static final UUID SLUGS = UUID.fromString("5f0b6c1e-4a57-4b8e-9d2a-6e1c0f3a7b92");

    private Ids() {
    }

    /** A random (version 4) id. */
    public static String newId() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return uuid(b, 4);
    }

    /**
     * The id of the post created with this slug: a name-based (version 5, SHA-1) UUID in Inlägg's
     * namespace. Posts created before ids were named so keep their random ids; the slug's claim
     * still says which id a slug's post has.
     */
    public static String ofSlug(String slug) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(bytes(SLUGS));
            return uuid(sha1.digest(slug.getBytes(StandardCharsets.UTF_8)), 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    private static byte[] bytes(UUID u) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (u.getMostSignificantBits() >>> (56 - 8 * i));
            b[i + 8] = (byte) (u.getLeastSignificantBits() >>> (56 - 8 * i));
        }
        return b;
    }

    /** The first 16 bytes as a UUID of this version, in RFC 9562's variant. */
    private static String uuid(byte[] b, int version) {
        b[6] = (byte) ((b[6] & 0x0f) | (version << 4));
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (b[i] & 0xff);
            lo = (lo << 8) | (b[i + 8] & 0xff);
        }
        return new UUID(hi, lo).toString();
    }
}
