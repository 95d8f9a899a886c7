package se.inlagg.web;

import java.util.Optional;

/**
 * The publishing forms of a post: now, at a time in the site's zone, or back to draft, each acting
 * on the version the author looked at; with the time as typed, what was wrong (and whether it was the time: only then
 * is the time's field marked, as the problem is not always about it), and what "Publicera nu" does with a draft's own
 * date, when it has one.
 */
public record PublishingView(String href, String csrf, long version, String at, Optional<String> error, boolean atWrong,
                             boolean visible, boolean published, Optional<String> nowSays) {
}
