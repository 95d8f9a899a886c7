package se.inlagg.web;

import java.util.Optional;

/**
 * The publishing forms of a post: now, at a time in the site's zone, or back to draft, each acting
 * on the version the author looked at; with the time as typed and what was wrong with it, and what "Publicera
 * nu" does with a draft's own date, when it has one.
 */
public record PublishingView(String href, String csrf, long version, String at, Optional<String> error, boolean visible,
                             boolean published, Optional<String> nowSays) {
}
