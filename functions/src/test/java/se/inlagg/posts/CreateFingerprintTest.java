package se.inlagg.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class CreateFingerprintTest {

    static final SiteTime TIME = new SiteTime(ZoneId.of("Europe/Stockholm"), Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneId.of("UTC")));

    /** A create as its fields were sent: a field not named is left out. */
    record Sent(Map<String, String> fields, List<String> tags) {

        static Sent of(String... pairs) {
            Map<String, String> fields = new HashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                fields.put(pairs[i], pairs[i + 1]);
            }
            return new Sent(fields, List.of());
        }

        Sent with(String field, String value) {
            Map<String, String> more = new HashMap<>(fields);
            more.put(field, value);
            return new Sent(more, tags);
        }

        Sent tagged(String... names) {
            return new Sent(fields, List.of(names));
        }

        PostDraft draft() {
            UnaryOperator<String> f = fields::get;
            return new PostDraft(Optional.ofNullable(f.apply("title")), Optional.ofNullable(f.apply("body")),
                    Optional.ofNullable(f.apply("name")), Optional.ofNullable(f.apply("role")), Optional.ofNullable(f.apply("office")),
                    tags, Optional.ofNullable(f.apply("publishedAt")), Optional.ofNullable(f.apply("url")),
                    Optional.ofNullable(f.apply("alt")), Optional.ofNullable(f.apply("caption")), Optional.ofNullable(f.apply("excerpt")),
                    Optional.ofNullable(f.apply("status")));
        }

        String fingerprint() {
            var checked = assertInstanceOf(Outcome.Done.class, PostRules.check(draft(), TIME), "the rules take " + this);
            return CreateFingerprint.of((PostRules.Checked) checked.value());
        }
    }

    static final Sent FIRST = Sent.of("title", "Möte i Kalmar", "body", "Vi ses på torsdag.", "name", "Åsa Öberg");

    /** What a client library that fills in the defaults sends again: the same request, not another. */
    @Test
    void defaultsSpelledOutAskForThePostTheirAbsenceAsksFor() {
        String first = FIRST.fingerprint();
        Sent spelledOut = FIRST.with("status", "published").with("publishedAt", "").with("excerpt", "").with("role", "")
                .with("office", " ").with("url", "").with("alt", "").with("caption", "").tagged();
        assertEquals(first, spelledOut.fingerprint());
        // An empty status is no default spelled out but a mistake, refused (read as the default, it would publish a draft).
        assertInstanceOf(Outcome.Refused.class, PostRules.check(FIRST.with("status", "").draft(), TIME));
        assertEquals(first, FIRST.with("title", "  Möte i Kalmar ").fingerprint(), "a title is stored without the spaces around it");
        assertEquals(first, FIRST.with("title", "Mo\u0308te i Kalmar").fingerprint(), "text is stored composed");
        assertEquals(first, FIRST.with("excerpt", PostRules.excerptOf("Vi ses på torsdag.")).fingerprint(),
                "the excerpt a post without one is given");
    }

    @Test
    void theSameTagsAndTheSameMomentSaidOtherwiseAreTheSamePost() {
        String tagged = FIRST.tagged("Frivård", "Samverkan").fingerprint();
        assertEquals(tagged, FIRST.tagged(" Frivård ", "Samverkan", "Frivård", "Sam\u00ADverkan").fingerprint(),
                "names are trimmed and taken once each; a soft hyphen makes no other category");
        String dated = FIRST.with("publishedAt", "2019-01-30").fingerprint();
        assertEquals(dated, FIRST.with("publishedAt", "2019-01-30T00:00").fingerprint());
        assertEquals(dated, FIRST.with("publishedAt", "2019-01-30T00:00:00+01:00").fingerprint());
        assertEquals(dated, FIRST.with("publishedAt", "2019-01-29T23:00:00Z").fingerprint());
    }

    /** Each of these makes another post than FIRST, and than each other: under one key, the second is refused. */
    @Test
    void everyChangeToThePostItWouldMakeIsAnotherRequest() {
        List<Sent> others = List.of(FIRST,
                FIRST.with("title", "Möte i Växjö"),
                FIRST.with("body", "Vi ses på fredag."),
                FIRST.with("name", "Åsa Berg"),
                FIRST.with("role", "Frivårdsinspektör"),
                FIRST.with("office", "Frivårdsinspektör"),
                FIRST.with("status", "draft"),
                FIRST.with("publishedAt", "2019-01-30"),
                FIRST.with("excerpt", "Kort."),
                FIRST.tagged("Frivård"),
                FIRST.tagged("frivard"),
                FIRST.tagged("Frivård", "Samverkan"),
                FIRST.tagged("Samverkan", "Frivård"),
                FIRST.with("url", "https://bilder.example/mote.jpg"),
                FIRST.with("url", "https://bilder.example/mote.jpg").with("alt", "Mötet"),
                FIRST.with("url", "https://bilder.example/mote.jpg").with("caption", "Mötet"));
        Map<String, Sent> seen = new HashMap<>();
        for (Sent sent : others) {
            Sent before = seen.put(sent.fingerprint(), sent);
            assertNull(before, sent + " asks for the same post as " + before);
        }
    }

    /** Each field is written with its length: text moved from one field to the next is another post. */
    @Test
    void textMovedBetweenFieldsIsAnotherPost() {
        assertNotEquals(Sent.of("title", "Möte i", "body", "Kalmar", "name", "Åsa").fingerprint(),
                Sent.of("title", "Möte", "body", "i Kalmar", "name", "Åsa").fingerprint());
        assertNotEquals(FIRST.tagged("Kalmar").fingerprint(), FIRST.with("excerpt", "Kalmar").fingerprint());
    }
}
