package se.inlagg.posts;

/**
 * Which slug a new post takes, and the counter of its title's slugs as last read. The store claims
 * the slug and moves the counter from {@code lastSeen} to {@code number} in the post's own
 * transaction, so the tenth "Månadsmöte" costs what the first did: no probing of taken slugs.
 */
public record SlugClaim(String base, int number, long lastSeen) {

    public String slug() {
        return Slugs.candidate(base, number);
    }
}
