package se.inlagg.posts;

/** How many posts readers may see in a facet right now. */
public record FacetCount(Facet facet, long count) {
}
