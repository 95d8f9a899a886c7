package se.inlagg.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import se.inlagg.posts.Sha256;

/**
 * Author tokens: 256 random bits shown once, and kept only as their SHA-256. Guessing is hopeless
 * at that size, so a plain hash (no slow KDF) is enough and the check stays one read of one item.
 */
public final class Tokens {

    static final int BYTES = 32;

    /** The characters a bearer token may have, compiled once: every write through the API checks one. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+/=-]+");

    private Tokens() {
    }

    /** A new token; the generator is made per call so SnapStart copies never share a sequence. */
    public static String newToken() {
        byte[] bytes = new byte[BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String sha256(String token) {
        return Sha256.hex(token);
    }

    /** The token of an "Authorization: Bearer …" value; empty for any other scheme or shape. */
    public static Optional<String> fromBearer(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String h = header.strip();
        if (h.length() < 8 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = h.substring(7).strip();
        return token.isEmpty() || token.length() > 512 || !TOKEN.matcher(token).matches()
                ? Optional.empty() : Optional.of(token);
    }
}
