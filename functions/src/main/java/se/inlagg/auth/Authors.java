package se.inlagg.auth;

import java.time.Instant;
import java.util.Optional;
import se.inlagg.store.AuthorStore;

/** Who may write: creating authors with a token, and telling which author a token belongs to. */
public final class Authors {

    private final AuthorStore store;

    public Authors(AuthorStore store) {
        this.store = store;
    }

    /** A new author; the token is returned once and cannot be read back from the table. */
    public NewAuthor create(String name, Instant now) {
        return create(name, Tokens.newToken(), now);
    }

    /** A new author with a token chosen by the caller (the local server's known dev token). */
    public NewAuthor create(String name, String token, Instant now) {
        String id = store.createAuthor(name, Tokens.sha256(token), now)
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

    /** An author just made, with the only copy of its token. */
    public record NewAuthor(String id, String token) {
    }
}
