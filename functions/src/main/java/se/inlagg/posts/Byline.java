package se.inlagg.posts;

import java.util.Optional;

/** Who wrote a post as readers see it: "name, role, office". */
public record Byline(String name, Optional<String> role, Optional<String> office) {

    public Byline {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a byline needs a name");
        }
        role = role.filter(r -> !r.isBlank());
        office = office.filter(o -> !o.isBlank());
    }
}
