package se.inlagg.posts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a create reads before it writes, in one request: the highest number given so far to a post
 * whose title makes the same slug (0 for none), and those of the new post's facets that exist, as
 * their counters name them (as the new post does, where no post counts in them yet). The create's
 * transaction is conditioned on both, so a basis another post overtook fails it as Stale and is read
 * again. Also the scheduled posts those facets' counters wait for (post id to time, by facet), so the
 * create can count those whose time has passed for good.
 */
public record CreateBasis(long lastSlugNumber, List<Facet> existingFacets, Map<Facet, Map<String, Instant>> scheduled) {

    public CreateBasis {
        existingFacets = List.copyOf(existingFacets);
        scheduled = Map.copyOf(scheduled);
    }

    public CreateBasis(long lastSlugNumber, List<Facet> existingFacets) {
        this(lastSlugNumber, existingFacets, Map.of());
    }

    /** The slug to claim first: the number after the last one given. */
    SlugClaim firstClaim(String base) {
        return new SlugClaim(base, (int) lastSlugNumber + 1, lastSlugNumber);
    }
}
