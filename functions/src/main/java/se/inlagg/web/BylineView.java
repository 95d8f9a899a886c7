package se.inlagg.web;

import java.util.Optional;

/** "Åsa Öberg, Frivårdsinspektör, Frivården Malmö", with the person and the office linked to their pages. */
public record BylineView(Link person, Optional<String> role, Optional<Link> office) {

    /** The href of a name that has no page of its own (no Latin letter or digit to make a slug of): the name is shown as text. */
    public static final String NO_PAGE = "";
}
