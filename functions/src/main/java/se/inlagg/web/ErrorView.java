package se.inlagg.web;

import java.util.Optional;

/**
 * An error, said to a person: what happened, and what to do about it; the way on from it, where there is one of its own:
 * for a category, person, office or month that is not there, the list of them to choose from; for a picture's words sent
 * signed out, signing in back to them.
 */
public record ErrorView(int status, String heading, String detail, Optional<String> retryAfterSeconds, Optional<Link> wayOn) {
}
