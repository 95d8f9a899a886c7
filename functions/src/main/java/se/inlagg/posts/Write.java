package se.inlagg.posts;

import java.time.Duration;

/**
 * What a conditional write found: applied, or why not, so the service decides what to do next. A create may also find
 * its slug taken ({@link CreateWrite}).
 */
public sealed interface Write<T> extends CreateWrite<T> {

    record Applied<T>(T value) implements Write<T> {
    }

    /** The post changed, or a tag or slug counter was written, since it was read: read again and retry. */
    record Stale<T>() implements Write<T> {
    }

    /** Other writers or the store's throttling kept winning until the store's own budget ran out. */
    record Busy<T>() implements Write<T> {
    }

    /** The author has written all the store allows in a while: nothing was written, and {@code retryAfter} it will be. */
    record AllowanceSpent<T>(Duration retryAfter) implements Write<T> {
    }
}
