package se.inlagg.auth;

import java.time.Instant;
import java.util.Optional;
import se.inlagg.posts.Byline;
import se.inlagg.store.AuthorStore;

/** Who may write: creating authors with a token, telling which author a token belongs to, and profiles. */
public final class Authors {

    private final AuthorStore store;

    public Authors(AuthorStore store) {
        this.store = store;
    }

    /** A new author; the token is returned once and cannot be read back from the table. */
    public NewAuthor create(Byline profile, Instant now) {
        return create(profile, Tokens.newToken(), now);
    }

    /** A new author with a token chosen by the caller (the local server's known dev token, a test's fixture). */
    public NewAuthor create(Byline profile, String token, Instant now) {
        String id = store.createAuthor(profile, Tokens.sha256(token), now)
                .orElseThrow(() -> new IllegalStateException("that token already belongs to an author"));
        return new NewAuthor(id, token);
    }

    /** The author id behind an Authorization header value, if it is a Bearer token we issued. */
    public Optional<String> authenticate(String authorizationHeader) {
        return Tokens.fromBearer(authorizationHeader).flatMap(t -> store.authorIdOf(Tokens.sha256(t)));
    }

    /** Whether this token already belongs to an author. */
    public boolean knows(String token) {
        return store.authorIdOf(Tokens.sha256(token)).isPresent();
    }

    /** The byline an author writes under unless they change it for a post. */
    public Optional<Byline> profile(String authorId) {
        return store.profile(authorId);
    }

    /** Saves an author's own profile; false when the author no longer exists. */
    public boolean saveProfile(String authorId, Byline profile, Instant now) {
        return store.saveProfile(authorId, profile, now);
    }

    /** An author just made, with the only copy of its token. */
    public record NewAuthor(String id, String token) {
    }
}
