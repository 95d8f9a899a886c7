package se.inlagg.local;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.inlagg.app.Wiring;
import se.inlagg.posts.IdempotentRequest;
import se.inlagg.posts.ListQuery;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Page;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostDraft;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.Sha256;

/** The two example posts a new data folder starts with (and `seed` adds): a staff blog's everyday, in Swedish. Each has a fixed key, so seeding twice adds nothing. */
final class SeedPosts {

    static final String AUTHOR_ID = "seed";
    /** The site's default time zone (template.yaml's SiteTimeZone), in which the examples' dates are meant. */
    static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    /** An example post and the idempotency key it is created under. */
    record Example(PostDraft draft, IdempotentRequest key) {
    }

    static final List<Example> ALL = List.of(
            example("seed-1", "Att gästspela som chef", """
                    Under tre veckor i höstas bytte jag kontor med en kollega i Kalmar. Att gästspela som chef
                    är ett bra sätt att se sin egen verksamhet med nya ögon.

                    Det här tar jag med mig hem:

                    - korta morgonmöten, stående, varje dag
                    - en gemensam kalender för alla klientmöten
                    - att fråga medarbetarna först

                    Läs mer om utbytesprogrammet på [intranätet](https://www.kriminalvarden.se/).""",
                    "Anna Lindqvist", "enhetschef", "Frivården Göteborg", List.of("Ledarskap", "Utbyte"), "2019-01-22",
                    Optional.empty(), Optional.empty()),
            example("seed-2", "Månadsmöte: samverkan för klientens bästa", """
                    Vid månadens möte träffades frivården och anstalten i Ystad för att prata om **samverkan**
                    inför frigivning.

                    Vi kom överens om tre saker:

                    - gemensamma rutiner vid frigivning
                    - en kontaktperson per klient
                    - uppföljning varje kvartal""",
                    "Åsa Öberg", "frivårdsinspektör", "Frivården Malmö", List.of("Frivård", "Samverkan", "RBM"), "2019-01-30",
                    Optional.of("https://bilder.example.se/manadsmote.jpg"), Optional.of("Deltagarna vid mötesbordet. Foto: Åsa Öberg")));

    private SeedPosts() {
    }

    /** Creates the examples (or finds them, when seeded before) and answers their slugs. */
    static List<Seeded> seed(Wiring wiring) {
        // The examples already there, among the example author's own posts: they stay as they are. Their keys alone hold
        // for a day, after which seeding again would make "att-gastspela-som-chef-2"; a slug alone is no proof (a deleted
        // example's slug is never given again, and another author's post may hold it).
        Map<String, String> there = new HashMap<>();
        switch (wiring.posts().authorPosts(AUTHOR_ID, Optional.empty(), ListQuery.MAX_LIMIT, Optional.empty())) {
            case Outcome.Done<Page<PostSummary>> d -> d.value().items().forEach(s -> there.putIfAbsent(s.title(), s.slug()));
            case Outcome.Refused<Page<PostSummary>> r -> throw new IllegalStateException("examples not read: " + r.refusal());
        }
        return ALL.stream().map(example -> {
            String title = example.draft().title().orElseThrow();
            if (there.containsKey(title)) {
                return new Seeded(there.get(title), false);
            }
            return switch (wiring.posts().create(example.draft(), AUTHOR_ID, Optional.of(example.key()))) {
                case Outcome.Done<Post> d -> new Seeded(d.value().slug(), true);
                case Outcome.Refused<Post> r -> throw new IllegalStateException("not seeded: " + r.refusal());
            };
        }).toList();
    }

    /** An example's post, and whether this seeding added it. */
    record Seeded(String slug, boolean added) {
    }

    private static Example example(String key, String title, String body, String name, String role, String office,
                                   List<String> tags, String date, Optional<String> imageUrl, Optional<String> caption) {
        var draft = new PostDraft(Optional.of(title), Optional.of(body), Optional.of(name), Optional.of(role), Optional.of(office),
                tags, Optional.of(date), imageUrl, imageUrl.map(u -> "Deltagarna vid mötesbordet"), caption, Optional.empty(),
                Optional.of("published"));
        return new Example(draft, new IdempotentRequest(Sha256.hex(key), Sha256.hex(title)));
    }
}
