package se.inlagg.posts;

/** A tag and how many posts readers can see in it now. */
public record TagCount(Tag tag, long count) {
}
