package se.inlagg.posts;

import java.util.Optional;

/** The posts readers reach from one post's page: the next newer and the next older of all posts. */
public record Neighbours(Optional<PostSummary> newer, Optional<PostSummary> older) {

    public static final Neighbours NONE = new Neighbours(Optional.empty(), Optional.empty());

    /** Which way from a post the feed is read for its neighbour. */
    public enum Side { NEWER, OLDER }
}
