package se.inlagg.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import se.inlagg.posts.Byline;
import se.inlagg.posts.SwedishOrder;
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

    /** Another token for an existing author (after a revocation, or a token lost); empty when there is no such author. */
    public Optional<String> newToken(String authorId, Instant now) {
        String token = Tokens.newToken();
        return store.addToken(authorId, Tokens.sha256(token), now) ? Optional.of(token) : Optional.empty();
    }

    /**
     * Takes every token and session away from an author (a token leaked, someone left): the API refuses their
     * tokens and their pages sign them out at once, but for the authorizer's cached answers (at most a minute).
     * Their posts stay. Tokens made before tokens were recorded under their author are not found here.
     */
    public AuthorStore.Revoked revoke(String authorId) {
        return store.revoke(authorId);
    }

    /** As {@link #revoke}, for the author this token belongs to (the token itself too, however old); empty when it is no author's. */
    public Optional<Revocation> revokeByToken(String token) {
        String hash = Tokens.sha256(token.strip());
        return store.authorIdOf(hash).map(id -> new Revocation(id, store.revoke(id, Optional.of(hash))));
    }

    /** Whose tokens and sessions were taken away, and how many. */
    public record Revocation(String authorId, AuthorStore.Revoked revoked) {
    }

    /** Every author, by name in Swedish order (Å, Ä, Ö last), with what each holds: for an operator's list-authors. */
    public List<AuthorStore.Listed> all(Instant now) {
        return store.all(now).stream().sorted(SwedishOrder.byName((AuthorStore.Listed a) -> a.profile().name())
                .thenComparing(AuthorStore.Listed::createdAt)).toList();
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
