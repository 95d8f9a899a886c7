package se.inlagg.posts;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The post as it was before one of its author's edits (the form's save, the API's PATCH): what it said from its
 * {@code updatedAt} until {@code replacedAt}. An edit keeps it in the same write that replaces it, so a save over
 * text the author meant to keep loses nothing: the earlier words can be read again and taken back into the form.
 * Its summary's version is the post's version at the time, which names it.
 */
public record PostVersion(Post post, Instant replacedAt) {

    /**
     * How long an earlier version is kept (DynamoDB's TTL, so it costs nothing to remove): a year of "I saved over the
     * wrong paragraph" without a bill or a store that only grows, and a deleted post's words do not outlive it for long
     * (its delete removes those it can in its own write).
     */
    public static final Duration KEPT_FOR = Duration.ofDays(365);

    /** The most versions one page of a post's list shows; the next page goes on from the last one shown. */
    public static final int PAGE = 20;

    /** A version's number as an address or a cursor writes it: 1 or more, in at most 18 digits (no long overflows). */
    private static final Pattern NUMBER = Pattern.compile("[1-9]\\d{0,17}");

    /** The number {@code written} names, or none when it names no number a version can have. */
    public static OptionalLong numberOf(String written) {
        return NUMBER.matcher(written).matches() ? OptionalLong.of(Long.parseLong(written)) : OptionalLong.empty();
    }

    public long number() {
        return post.version();
    }

    /** When these words were saved: the post's change time as it was then. */
    public Instant savedAt() {
        return post.summary().updatedAt();
    }
}
