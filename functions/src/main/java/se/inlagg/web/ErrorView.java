package se.inlagg.web;

import java.util.Optional;

/** An error, said to a person: what happened, and what to do about it. */
public record ErrorView(int status, String heading, String detail, Optional<String> retryAfterSeconds) {
}
