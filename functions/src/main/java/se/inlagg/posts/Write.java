package se.inlagg.posts;

/** What a conditional write found: it was applied, or a condition it relied on no longer held. */
public sealed interface Write<T> {

    record Applied<T>(T value) implements Write<T> {
    }

    /** The slug was claimed by another post first. */
    record SlugTaken<T>() implements Write<T> {
    }

    /** The post changed, or a tag was created, since it was read: read again and retry. */
    record Stale<T>() implements Write<T> {
    }
}
