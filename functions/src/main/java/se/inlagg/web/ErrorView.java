package se.inlagg.web;

import java.util.Optional;

/**
 * An error, said to a person: what happened, and what to do about it; for a category, person, office or month that is not
 * there, the list of them to choose from.
 */
public record ErrorView(int status, String heading, String detail, Optional<String> retryAfterSeconds, Optional<Link> index) {
}
