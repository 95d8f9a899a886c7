package se.inlagg.web;

import java.util.List;
import java.util.Optional;

/** A page of a list of posts: its heading, the posts, and the way to the next page. */
public record ListView(String heading, List<Card> cards, Optional<String> olderHref, String emptyText) {
}
