package se.inlagg.web;

import java.util.Optional;

/** "Åsa Öberg, Frivårdsinspektör, Frivården Malmö", with the person and the office linked to their pages. */
public record BylineView(Link person, Optional<String> role, Optional<Link> office) {
}
