package se.inlagg.local;

import java.util.List;
import se.inlagg.app.Wiring;

/** The local server's own example posts, for tests outside this package (the search benchmark seeds them among its own). */
public final class Seeds {

    private Seeds() {
    }

    public static List<String> examples(Wiring wiring) {
        return SeedPosts.seed(wiring).stream().map(SeedPosts.Seeded::slug).toList();
    }
}
