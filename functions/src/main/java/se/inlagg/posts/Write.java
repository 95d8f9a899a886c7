package se.inlagg.posts;

/** What a conditional write found: applied, or why not, so the service decides what to do next. */
public sealed interface Write<T> {

    record Applied<T>(T value) implements Write<T> {
    }

    /** The slug was claimed by another post first. */
    record SlugTaken<T>() implements Write<T> {
    }

    /** The post changed, or a tag or slug counter was written, since it was read: read again and retry. */
    record Stale<T>() implements Write<T> {
    }

    /** Other writers or the store's throttling kept winning until the store's own budget ran out. */
    record Busy<T>() implements Write<T> {
    }
}
