package se.inlagg.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import se.inlagg.ops.Log;
import se.inlagg.posts.Sha256;
import se.inlagg.store.RateLimitStore;
import se.inlagg.store.SessionStore;

/**
 * Sign-in sessions for pages and the form: an author's token buys an HttpOnly cookie with a
 * random id (the table keeps only its hash) and a CSRF token bound to that session.
 */
public final class Sessions {

    public static final Duration LIFETIME = Duration.ofHours(8);
    /** Failed sign-ins a client may make in one window before it must wait for the window's end. */
    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    static final String SIGN_IN = "signin";

    /** A session just begun: the cookie value (shown once) and what it stands for. */
    public record Started(String id, Session session) {
    }

    /** Who a session belongs to and the token its forms must carry. */
    public record Session(String authorId, String csrf, Instant expiresAt) {
    }

    private final SessionStore store;
    private final Authors authors;
    private final RateLimitStore limits;

    public Sessions(SessionStore store, Authors authors, RateLimitStore limits) {
        this.store = store;
        this.authors = authors;
        this.limits = limits;
    }

    /**
     * A new session for the author of this token; refused for a wrong token, and for any token
     * while the client has failed too often lately, so guessing stays slow.
     */
    public SignIn signIn(String token, String client, Instant now) {
        String clientHash = Sha256.hex(client);
        RateLimitStore.Attempt attempt = limits.take(SIGN_IN, clientHash, now, WINDOW, MAX_FAILURES);
        if (!attempt.taken()) {
            return new SignIn.Limited(Duration.between(now, attempt.window().endsAt()));
        }
        Optional<Started> started;
        try {
            started = signIn(token, now);
        } catch (RuntimeException couldNotCheck) {
            // Not a wrong token: the table failed (answered 503 or 500). It costs the client no attempt.
            limits.giveBack(SIGN_IN, clientHash, attempt.window());
            throw couldNotCheck;
        }
        if (started.isPresent()) {
            limits.giveBack(SIGN_IN, clientHash, attempt.window());
            return new SignIn.Success(started.get());
        }
        // Which client failed, never the token that was tried.
        Log.warn("signin_failed", "client", LoggedClient.of(client));
        return new SignIn.Refused();
    }

    /**
     * A client as the log names it: a hash of its address under a salt made by this container and kept nowhere else. The
     * address alone hashed would name it in full to anyone who reads the log and hashes the 2^32 IPv4 addresses (seconds);
     * salted, one container's failures still show as one client's. Made at the first failure, after any SnapStart restore.
     */
    private static final class LoggedClient {
        private static final String SALT = Tokens.newToken();

        static String of(String client) {
            return Sha256.hex(SALT + " " + client).substring(0, 12);
        }
    }

    /** How a sign-in went. */
    public sealed interface SignIn {
        record Success(Started started) implements SignIn {
        }

        record Refused() implements SignIn {
        }

        record Limited(Duration retryAfter) implements SignIn {
        }
    }

    /** A new session for the author of this token, or empty when the token is not an author's. */
    public Optional<Started> signIn(String token, Instant now) {
        String tokenSha256 = Tokens.sha256(token.strip());
        // Saved only while the token still is: a token revoked since it was read begins no session.
        return authors.authenticate("Bearer " + token.strip())
                .flatMap(authorId -> start(authorId, Tokens.newToken(), Tokens.newToken(), now, Optional.of(tokenSha256)));
    }

    /**
     * A session with an id and CSRF token chosen by the caller, as {@link Authors#create(String, String, Instant)}
     * takes a chosen token: how replayed events get the session their cookie names. Sign-in makes random ones.
     */
    public Started begin(String authorId, String id, String csrf, Instant now) {
        return start(authorId, id, csrf, now, Optional.empty()).orElseThrow();
    }

    /** A session saved, while this token exists if one is named; empty when it no longer does. */
    private Optional<Started> start(String authorId, String id, String csrf, Instant now, Optional<String> tokenSha256) {
        var session = new Session(authorId, csrf, now.plus(LIFETIME));
        return store.save(Sha256.hex(id), new SessionStore.StoredSession(authorId, csrf, session.expiresAt()), tokenSha256)
                ? Optional.of(new Started(id, session)) : Optional.empty();
    }

    public Optional<Session> find(String id, Instant now) {
        return storedAs(id).flatMap(hash -> store.find(hash, now)).map(s -> new Session(s.authorId(), s.csrf(), s.expiresAt()));
    }

    /** What the table keeps a session under (its id's SHA-256); empty for an id no session can have, which is never looked up. */
    public static Optional<String> storedAs(String id) {
        return id.isEmpty() || id.length() > 100 ? Optional.empty() : Optional.of(Sha256.hex(id));
    }

    /** Ends the session with this id, which belongs to this author. */
    public void signOut(String id, String authorId) {
        store.delete(Sha256.hex(id), authorId);
    }

    /** Compares in constant time, so the response time says nothing about how much of a guess was right. */
    public static boolean sameToken(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The session's CSRF token as a page carries it: under a random pad of its length, new with every page (the pad, then
     * the token XOR the pad). A compressed page that also echoes what a reader typed (a search) would otherwise let one
     * who sees the sizes of a victim's answers guess the token a character at a time (BREACH).
     */
    public static String masked(String csrf) {
        byte[] token = csrf.getBytes(StandardCharsets.UTF_8);
        byte[] pad = new byte[token.length];
        new SecureRandom().nextBytes(pad);
        byte[] both = Arrays.copyOf(pad, token.length * 2);
        System.arraycopy(xor(token, pad), 0, both, token.length, token.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(both);
    }

    /** Each byte of {@code bytes} XOR the pad's at the same place: masking and unmasking alike. */
    private static byte[] xor(byte[] bytes, byte[] pad) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (byte) (bytes[i] ^ pad[i]);
        }
        return out;
    }

    /** Whether a form carries the session's CSRF token, as a page gave it ({@link #masked}) or as it is. */
    public static boolean sameFormToken(String csrf, String given) {
        if (given == null) {
            return false;
        }
        byte[] token = csrf.getBytes(StandardCharsets.UTF_8);
        byte[] both;
        try {
            both = Base64.getUrlDecoder().decode(given);
        } catch (IllegalArgumentException notMasked) {
            return sameToken(csrf, given);
        }
        if (both.length != token.length * 2) {
            return sameToken(csrf, given);
        }
        // The pad first, then the token under it.
        return MessageDigest.isEqual(token, xor(Arrays.copyOfRange(both, token.length, both.length), both));
    }
}
