package se.inlagg.images;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import se.inlagg.posts.Image;
import se.inlagg.posts.Sha256;

/**
 * Every key format of the pictures bucket, in one place. Uploads land under
 * {@code uploads/<author id>/<random>} (tagged unattached; the lifecycle removes anything there
 * after a day), and a picture a post shows lives under {@code images/<name>}, the name a hash of
 * its upload (key and version) and the post, so saving the same upload twice makes the same file.
 */
public final class ObjectKeys {

    static final String UPLOADS = "uploads/";
    static final String IMAGES = "images/";
    private static final Pattern RANDOM = Pattern.compile("[A-Za-z0-9_-]{32}");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    /** 26 base32 characters: 130 bits of hashes, as Image's names have. */
    private static final int NAME_LENGTH = 26;
    /** The first 80 bits name the upload on the post, the other 50 its version. */
    private static final int UPLOAD_ON_POST_LENGTH = 16;

    private ObjectKeys() {
    }

    /** Where an author's uploads go; the upload form's policy allows nothing outside it. */
    static String uploadPrefix(String authorId) {
        return UPLOADS + authorId + "/";
    }

    /** A new upload's key; the generator is made per call so SnapStart copies never share a sequence. */
    static String newUpload(String authorId) {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return uploadPrefix(authorId) + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the key is one of this author's uploads, and nothing else (no other prefix, no "..", no other author). */
    static boolean isUploadOf(String authorId, String key) {
        String prefix = uploadPrefix(authorId);
        return key.startsWith(prefix) && RANDOM.matcher(key.substring(prefix.length())).matches();
    }

    /**
     * The name the picture of this upload gets on this post: a hash of the upload's key and the post's id
     * ({@link #imagesOf}), then of the upload's version too, and the type read from its bytes. The same save twice makes
     * the same file; one upload saved to two posts at once makes a file for each (named by the upload alone, the two
     * posts would share one file, and deleting either post would delete the other's picture); and other bytes put to the
     * same upload key (its form is good for an hour) make another file, so a save of them refused never overwrites the
     * picture the post shows.
     */
    static String imageName(String uploadKey, String version, String postId, ImageType type) {
        return imageId(uploadKey, version, postId) + "." + type.extension();
    }

    /** The name without its type: whether a post shows the picture of this version of this upload. */
    static String imageId(String uploadKey, String version, String postId) {
        return imagesOf(uploadKey, postId) + base32(Sha256.of((uploadKey + "\n" + version + "\n" + postId).getBytes(StandardCharsets.UTF_8)),
                NAME_LENGTH - UPLOAD_ON_POST_LENGTH);
    }

    /**
     * How the name of every picture of this upload on this post starts, whichever its version: whether a post shows this
     * upload, once the upload itself is gone (a save sent twice). Names made before the version was in them (all 26
     * characters of this hash) start so too.
     */
    static String imagesOf(String uploadKey, String postId) {
        return base32(Sha256.of((uploadKey + "\n" + postId).getBytes(StandardCharsets.UTF_8)), UPLOAD_ON_POST_LENGTH);
    }

    private static String base32(byte[] hash, int length) {
        StringBuilder name = new StringBuilder(length);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; name.length() < length; ) {
            if (bits < 5) {
                buffer = (buffer << 8) | (hash[i++] & 0xff);
                bits += 8;
            }
            name.append(BASE32[(buffer >> (bits - 5)) & 0x1f]);
            bits -= 5;
        }
        return name.toString();
    }

    /** The key of a post's picture by its name; only names the upload steps make. */
    static String image(String name) {
        if (!Image.isStoredName(name)) {
            throw new IllegalArgumentException("not a picture's name: " + name);
        }
        return IMAGES + name;
    }
}
