package se.inlagg.posts;

import java.util.List;

/** What a post's page offers around it: its neighbours among all posts, and a few related ones. */
public record Surroundings(Neighbours neighbours, List<PostSummary> related) {

    public static final Surroundings NONE = new Surroundings(Neighbours.NONE, List.of());

    public Surroundings {
        related = List.copyOf(related);
    }
}
