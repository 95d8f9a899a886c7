package se.inlagg.posts;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostRulesTest {

    static final SiteTime TIME = new SiteTime(ZoneId.of("Europe/Stockholm"), Clock.systemUTC());

    static PostDraft draft(String title, String body, String author) {
        return new PostDraft(Optional.ofNullable(title), Optional.ofNullable(body), Optional.ofNullable(author),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    static List<String> fieldsOf(Outcome<?> outcome) {
        var refused = assertInstanceOf(Outcome.Refused.class, outcome);
        var invalid = assertInstanceOf(Refusal.Invalid.class, refused.refusal());
        return invalid.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void titleBodyAndAuthorNameAreRequired() {
        assertEquals(List.of("title", "body", "author.name"), fieldsOf(PostRules.check(draft(null, " ", ""), TIME)));
    }

    /** A no-break space, a zero-width one or a filler is no title, text or byline: nobody could see it. */
    @Test
    void whatShowsNothingIsEmpty() {
        for (String invisible : List.of("\u00a0", "\u200b", "\ufeff", "\u200c \u200d", "\u3164", "\ufe0f", "\u3000", "\u2060\u00a0")) {
            assertEquals(List.of("title", "body", "author.name"), fieldsOf(PostRules.check(draft(invisible, invisible, invisible), TIME)),
                    invisible.codePoints().mapToObj(Integer::toHexString).toList().toString());
        }
        assertInstanceOf(Outcome.Done.class, PostRules.check(draft("Kaffe\u00a0&\u00a0kaka", "Text\u200b.", "Åsa\u00a0Öberg"), TIME),
                "in text they are as written");
    }

    /**
     * The marks Unicode makes ignorable too show nothing: a combining grapheme joiner (U+034F), Khmer's inherent vowels
     * (U+17B4, U+17B5), a Mongolian variation selector (U+180B), and the blank Braille cell (U+2800) every font draws as
     * nothing, the usual "empty name" trick. Alone they would make a post with a title and a text nobody can see (slug inlagg).
     */
    @Test
    void ignorableMarksAndABlankBrailleCellShowNothingEither() {
        List<String> taken = new ArrayList<>();
        for (String invisible : List.of("\u034F", "\u17B4", "\u17B5", "\u180B", "\u2800", "\u034F\u00a0\u2800")) {
            if (PostRules.check(draft(invisible, invisible, "Åsa Öberg"), TIME) instanceof Outcome.Done) {
                taken.add(invisible.codePoints().mapToObj(cp -> String.format("U+%04X", cp)).toList().toString());
            }
        }
        assertEquals(List.of(), taken, "taken as a title and a text that show nothing");
    }

    /**
     * A no-break space is a space to the author: ⌥+Space on a Mac types one (a Swedish keyboard's ⌥ is pressed for | and
     * {), and Word pastes them. Around a one-line field it is trimmed as a space is: else the category typed
     * "Nyheter,⌥Space Fika" is named " Fika" everywhere its name stands (/tags, its heading, its feed's title), with a space
     * before it that HTML does not collapse, and a title of 200 characters with one after it is refused as too long.
     */
    @Test
    void noBreakSpacesAroundAOneLineFieldAreTrimmedAsSpacesAre() {
        var d = new PostDraft(Optional.of("Fika på fredag\u00a0"), Optional.of("Text."), Optional.of("Åsa Öberg\u00a0"),
                Optional.empty(), Optional.of("\u00a0Frivården Malmö"), List.of("Nyheter", "\u00a0Fika"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        var checked = (PostRules.Checked) assertInstanceOf(Outcome.Done.class, PostRules.check(d, TIME)).value();
        var longest = PostRules.check(draft("a".repeat(PostRules.MAX_TITLE) + "\u00a0", "Text.", "Åsa Öberg"), TIME);
        assertAll(
                () -> assertEquals("Fika på fredag", checked.title()),
                () -> assertEquals(List.of(new Tag("nyheter", "Nyheter"), new Tag("fika", "Fika")), checked.tags()),
                () -> assertEquals(new Byline("Åsa Öberg", Optional.empty(), Optional.of("Frivården Malmö")), checked.byline()),
                () -> assertInstanceOf(Outcome.Done.class, longest, "200 characters and a no-break space: " + longest));
    }

    @Test
    void decomposedTextIsStoredComposedSoOnePersonHasOnePageAndOneSlug() {
        var draft = new PostDraft(Optional.of("Kva\u0308llsfika i O\u0308rebro"), Optional.of("Vi a\u030at bla\u030aba\u0308rspaj."),
                Optional.of("A\u030ake A\u0308rlig"), Optional.of("Handla\u0308ggare"), Optional.of("Friva\u030arden O\u0308rebro"),
                List.of("Fo\u0308rening"), Optional.empty(), Optional.of("https://bilder.example.se/fika.jpg"), Optional.of("Bla\u030aba\u0308r"),
                Optional.of("Foto: A\u030ake"), Optional.of("Fika i O\u0308rebro."), Optional.empty());
        var checked = (PostRules.Checked) assertInstanceOf(Outcome.Done.class, PostRules.check(draft, TIME)).value();
        assertEquals("Kvällsfika i Örebro", checked.title());
        assertEquals("Vi åt blåbärspaj.", checked.body());
        assertEquals(new Byline("Åke Ärlig", Optional.of("Handläggare"), Optional.of("Frivården Örebro")), checked.byline());
        assertEquals(List.of(Tag.named("Förening")), checked.tags());
        assertEquals("Blåbär", checked.image().orElseThrow().alt());
        assertEquals(Optional.of("Foto: Åke"), checked.image().orElseThrow().caption());
        assertEquals("Fika i Örebro.", checked.excerpt());
        assertEquals(new Byline("Åke Ärlig", Optional.empty(), Optional.empty()),
                ((Outcome.Done<Byline>) PostRules.checkByline(Optional.of("A\u030ake A\u0308rlig"), Optional.empty(), Optional.empty())).value());
    }

    /**
     * A byline only in Cyrillic, published, could be found by no filter or search scope, since a person's and an office's
     * pages, feeds and filters go by an address of letters a–z. Refused as such a category is.
     */
    @Test
    void aNameOrOfficeThatMakesNoAddressIsRefusedAsSuchACategoryIs() {
        var refused = PostRules.checkByline(Optional.of("Ольга Петренко"), Optional.of("Handläggare"), Optional.of("Киев"));
        var invalid = (Refusal.Invalid) assertInstanceOf(Outcome.Refused.class, refused).refusal();
        assertEquals(List.of(new FieldError("author.name", Tag.LETTER_OR_DIGIT), new FieldError("author.office", Tag.LETTER_OR_DIGIT)),
                invalid.errors());
        assertEquals(List.of("author.name"), fieldsOf(PostRules.check(draft("Fika", "Text.", "李明"), TIME)));
        for (String name : List.of("Łukasz Żółć", "Nguyễn Thị Minh", "Olga Петренко", "Zoë 2", "Ørjan Ødegård")) {
            assertInstanceOf(Outcome.Done.class, PostRules.checkByline(Optional.of(name), Optional.of("Роль"), Optional.of(name)), name);
        }
    }

    /**
     * A post stored before such names were refused stays editable, though an edit (a PATCH of its text, a save of the form)
     * sends its stored byline back: the stored name, office and date pass; another does not.
     */
    @Test
    void anEditKeepsANameOfficeOrDateStoredBeforeARuleRefusedIt() {
        var old = new PostSummary("0f0e3c1e-54a4-4c53-9a55-3d1f1d0c5a11", "halsning", "Hälsning", "Hej.",
                new Byline("Ольга Петренко", Optional.empty(), Optional.of("Київ")), List.of(), Optional.empty(), Status.PUBLISHED,
                Instant.parse("0000-12-31T23:06:32Z"), true, Instant.parse("2026-01-01T00:00:00Z"), 3, "a");
        var edit = new PostDraft(Optional.of("Hälsning"), Optional.of("Ny text."), Optional.of("Ольга Петренко"), Optional.empty(),
                Optional.of("Київ"), List.of(), Optional.of("0000-12-31T23:06:32Z"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        var checked = (PostRules.Checked) assertInstanceOf(Outcome.Done.class, PostRules.check(edit, TIME, Optional.of(old))).value();
        assertEquals(old.author(), checked.byline());
        assertEquals(Optional.of(old.publishedAt()), checked.publishedAt());
        assertEquals(List.of("author.name", "author.office", "publishedAt"), fieldsOf(PostRules.check(edit, TIME, Optional.empty())),
                "a new post gets the rules");
        var another = new PostDraft(edit.title(), edit.body(), Optional.of("Ольга Іваненко"), Optional.empty(), Optional.of("Львів"),
                List.of(), edit.publishedAt(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        assertEquals(List.of("author.name", "author.office"), fieldsOf(PostRules.check(another, TIME, Optional.of(old))), "another name does not pass");
    }

    /**
     * The stored date is known by its text with the spaces around it left off, as every date typed is read: one typed back
     * with a space after it (the edit form's field, a PATCH pasted together) is still the stored one, kept to the second,
     * not read anew and refused by a rule made after it was stored.
     */
    @Test
    void aStoredDateSentBackWithSpacesAroundItIsStillTheStoredOne() {
        var old = new PostSummary("0f0e3c1e-54a4-4c53-9a55-3d1f1d0c5a11", "halsning", "Hälsning", "Hej.",
                new Byline("Åsa Öberg", Optional.empty(), Optional.empty()), List.of(), Optional.empty(), Status.PUBLISHED,
                Instant.parse("0000-12-31T23:06:32Z"), true, Instant.parse("2026-01-01T00:00:00Z"), 3, "a");
        var edit = new PostDraft(Optional.of("Hälsning"), Optional.of("Ny text."), Optional.of("Åsa Öberg"), Optional.empty(),
                Optional.empty(), List.of(), Optional.of(" 0000-12-31T23:06:32Z\n"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());

        var outcome = PostRules.check(edit, TIME, Optional.of(old));

        var checked = (PostRules.Checked) assertInstanceOf(Outcome.Done.class, outcome, "the stored date is refused: " + outcome).value();
        assertEquals(Optional.of(old.publishedAt()), checked.publishedAt());
    }

    /**
     * A text is stored with the spaces around it, as typed: in Markdown four spaces at a line's start make code, so a text
     * that opens with a command to copy ("    java -jar app.jar") would otherwise open with a paragraph, and its last
     * line's two spaces (a line break) would go too.
     */
    @Test
    void aTextKeepsTheSpacesAroundItThatMarkdownReads() {
        String body = "    java -jar inlagg.jar\n\nSå startar du den.  \nSedan är det klart.\n";
        var d = draft("Kom igång", body, "Åsa Öberg");
        var checked = (PostRules.Checked) assertInstanceOf(Outcome.Done.class, PostRules.check(d, TIME)).value();
        assertEquals(body, checked.body());
    }

    /**
     * A date field emptied to a space is emptied: "now" to the service, as "" is (PostRules.Checked#dateCleared), not a
     * date left out, which keeps the one stored. Else an author who cleared the date of a draft and left a space behind
     * publishes it under its old date, down the list among posts of last month.
     */
    @Test
    void aDateGivenAsOnlySpacesIsClearedAsAnEmptyOneIs() {
        for (String blank : List.of("", " ", "\t")) {
            var d = new PostDraft(Optional.of("Fika"), Optional.of("Text."), Optional.of("Åsa Öberg"), Optional.empty(), Optional.empty(),
                    List.of(), Optional.of(blank), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
            var checked = (PostRules.Checked) assertInstanceOf(Outcome.Done.class, PostRules.check(d, TIME)).value();
            assertEquals(Optional.empty(), checked.publishedAt(), "[" + blank + "]");
            assertTrue(checked.dateCleared(), "[" + blank + "]: taken as left out, the stored date kept");
        }
        assertFalse(((PostRules.Checked) ((Outcome.Done<?>) PostRules.check(draft("Fika", "Text.", "Åsa Öberg"), TIME)).value()).dateCleared(),
                "left out");
    }

    /**
     * A post stored before one-line fields lost their direction marks and no-break spaces keeps a name or office that makes
     * no address through its edits: the edit form and a PATCH send the stored byline back as stored, a Hebrew name with the
     * right-to-left mark pasted along ("שרה כהן" + U+200F) and an office with Word's no-break space after it. Its author
     * changed only the text.
     */
    @Test
    void anEditKeepsANameOrOfficeStoredWithADirectionMarkOrANoBreakSpace() {
        var old = new PostSummary("0f0e3c1e-54a4-4c53-9a55-3d1f1d0c5a11", "halsning", "Hälsning", "Hej.",
                new Byline("שרה כהן\u200F", Optional.empty(), Optional.of("תל אביב\u00A0")), List.of(), Optional.empty(), Status.PUBLISHED,
                Instant.parse("2026-01-01T00:00:00Z"), true, Instant.parse("2026-01-01T00:00:00Z"), 3, "a");
        var edit = new PostDraft(Optional.of("Hälsning"), Optional.of("Ny text."), Optional.of(old.author().name()), Optional.empty(),
                old.author().office(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());

        var outcome = PostRules.check(edit, TIME, Optional.of(old));

        assertInstanceOf(Outcome.Done.class, outcome, "the stored byline sent back unchanged is refused: " + outcome);
    }

    /** A post's role and office are stored without the spaces typed around them ("Malmö "), as a profile's are. */
    @Test
    void aBylineIsStoredWithoutTheSpacesAroundItsPartsInAPostAsInAProfile() {
        var draft = new PostDraft(Optional.of("Fika"), Optional.of("Text."), Optional.of(" Åsa Öberg "), Optional.of("  Förstelärare "),
                Optional.of("Malmö "), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
        var checked = (PostRules.Checked) assertInstanceOf(Outcome.Done.class, PostRules.check(draft, TIME)).value();
        var expected = new Byline("Åsa Öberg", Optional.of("Förstelärare"), Optional.of("Malmö"));
        assertEquals(expected, checked.byline());
        assertEquals(expected, ((Outcome.Done<Byline>) PostRules.checkByline(draft.authorName(), draft.authorRole(), draft.authorOffice())).value());
        assertEquals(List.of("author.name", "author.office"), fieldsOf(PostRules.check(new PostDraft(Optional.of("Fika"), Optional.of("Text."),
                Optional.of(" "), Optional.of(" Förstelärare"), Optional.of("x".repeat(101)), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), TIME)));
    }

    @Test
    void aValidDraftKeepsItsValuesAndGetsAnExcerpt() {
        var done = assertInstanceOf(Outcome.Done.class, PostRules.check(draft(" Att gästspela som chef ", "Första stycket.\n\nAndra.", "Åsa"), TIME));
        var checked = (PostRules.Checked) done.value();
        assertEquals("Att gästspela som chef", checked.title());
        assertEquals(Status.PUBLISHED, checked.status());
        assertEquals("Första stycket. Andra.", checked.excerpt());
    }

    /** A one-line field's limit counts what is stored: not the spaces pasted around it. */
    @Test
    void theSpacesAroundATitleOrNameDoNotCountTowardItsLimit() {
        String title = "Å".repeat(PostRules.MAX_TITLE);
        var checked = (PostRules.Checked) assertInstanceOf(Outcome.Done.class,
                PostRules.check(draft(" " + title + "  ", "Text.", " " + "ö".repeat(PostRules.MAX_NAME) + " "), TIME)).value();
        assertEquals(title, checked.title());
        assertEquals(List.of("title", "author.name"), fieldsOf(PostRules.check(draft(title + "Å", "Text.", "ö".repeat(PostRules.MAX_NAME + 1)), TIME)));
        String caption = "ä".repeat(PostRules.MAX_CAPTION);
        var pictured = new PostDraft(Optional.of("t"), Optional.of("b"), Optional.of("a"), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Optional.of("https://bilder.example.se/a.jpg"), Optional.of(" Entré "), Optional.of("  " + caption + " "),
                Optional.empty(), Optional.empty());
        var image = ((PostRules.Checked) assertInstanceOf(Outcome.Done.class, PostRules.check(pictured, TIME)).value()).image().orElseThrow();
        assertEquals("Entré", image.alt(), "stored as the upload's page stores it");
        assertEquals(Optional.of(caption), image.caption());
        assertEquals("Fika", PostRules.storedLine(" Fi\u00ADka "), "the upload's page: as the post's fields");
        assertEquals("", PostRules.storedLine("\u00a0"), "a caption that shows nothing is none");
    }

    @Test
    void theBodyLimitCountsCharactersAndBytes() {
        assertInstanceOf(Outcome.Done.class, PostRules.check(draft("t", "å".repeat(100_000), "a"), TIME), "exactly the limit");
        assertEquals(List.of("body"), fieldsOf(PostRules.check(draft("t", "a".repeat(100_001), "a"), TIME)));
        // 100,000 characters of four-byte emoji are 400,000 bytes: over the byte limit.
        assertEquals(List.of("body"), fieldsOf(PostRules.check(draft("t", "😀".repeat(100_000), "a"), TIME)));
        // Exactly the byte limit too: 100,000 three-byte "€" are 300,000 bytes, taken; a four-byte emoji for the last is one
        // byte more, in as many characters, and is not.
        assertInstanceOf(Outcome.Done.class, PostRules.check(draft("t", "€".repeat(100_000), "a"), TIME), "exactly the byte limit");
        assertEquals(List.of("body"), fieldsOf(PostRules.check(draft("t", "€".repeat(99_999) + "😀", "a"), TIME)));
    }

    /** An excerpt made from a body as long as an excerpt may be is the whole body; one character more is cut at a word, with "…". */
    @Test
    void aBodyOfExactlyAnExcerptsLengthIsItsOwnExcerptUncut() {
        // A paragraph's words end as a sentence: with its full stop, the body is its excerpt as it is.
        String whole = "ord ".repeat(69) + "sis.";
        assertEquals(PostRules.DERIVED_EXCERPT, whole.length());
        assertEquals(whole, PostRules.excerptOf(whole), "nothing cut, no …");
        assertEquals("ord ".repeat(68) + "ord…", PostRules.excerptOf("ord ".repeat(69) + "sist."), "one more: cut at the last word, with …");
    }

    /**
     * What an author is told of text that would corrupt a page or a feed: each case says what is wrong, in words the forms
     * put in Swedish. A title ending in half an emoji (a paste cut short) is refused as such, not read past its end.
     */
    @Test
    void textThatWouldCorruptAPageIsRefusedSayingWhatIsWrong() {
        for (String broken : List.of("Hej\uD83D", "Hej\uD83D!", "Hej\uDE00", "Hej\uFFFE", "Hej\uD83F\uDFFE")) {
            assertEquals("must be valid Unicode text", PostRules.textProblem(broken, false), broken);
            assertEquals("must be valid Unicode text", PostRules.textProblem(broken, true), broken);
        }
        assertEquals("must not contain control characters", PostRules.textProblem("Rad\u0001ett", true));
        assertEquals("must be one line without control characters", PostRules.textProblem("Rad\u0001ett", false));
        assertEquals("must be one line without control characters", PostRules.textProblem("Rad ett\nRad två", false));
        assertEquals(null, PostRules.textProblem("Rad ett\nRad två\tslut", true), "a body may break its lines");
        assertEquals(PostRules.SEPARATOR_IN_LINE, PostRules.textProblem("Rad ett\u2029Rad två", false));
        assertEquals(List.of(new FieldError("title", "must be valid Unicode text")),
                ((Refusal.Invalid) ((Outcome.Refused<?>) PostRules.check(draft("Hej\uD83D", "Text.", "Åsa"), TIME)).refusal()).errors());
    }

    /**
     * A link or a picture in the body at "https://user:pw@…", stored, would send its password in every page, feed and API
     * answer, as a picture's own address cannot. The body is refused naming the host, never the
     * password, whichever way a browser would read the user info; an "@" in a path, a query or an e-mail address is fine.
     */
    @Test
    void aBodyLinkingToAnAddressWithAUserNameOrPasswordIsRefusedNamingItsHost() {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("Se [rapporten](https://anna:hemligt@intra.example/rapport).", "intra.example");
        refused.put("![Kartan](http://anna@bilder.example/karta.jpg)", "bilder.example");
        refused.put("Läs https://anna:hemligt@intra.example/x här.", "intra.example");
        refused.put("Eller www.anna:hemligt@intra.example.", "intra.example");
        refused.put("[a](https:\\\\anna@intra.example/x)", "intra.example");
        refused.put("[a](//anna:hemligt@intra.example:8443/x)", "intra.example");
        refused.put("[a](<https://anna\themligt@intra.example>)", "intra.example");
        refused.put("[a]\n\n[a]: https://anna%40x:hemligt@intra.example/", "intra.example");
        refused.forEach((body, host) -> {
            var r = assertInstanceOf(Outcome.Refused.class, PostRules.check(draft("t", body, "a"), TIME), body);
            assertEquals(List.of(new FieldError("body", PostRules.LINK_WITH_CREDENTIALS + host)), ((Refusal.Invalid) r.refusal()).errors(), body);
        });
        for (String body : List.of("[a](https://intra.example/a@b?till=anna@intra.example) [b](mailto:anna@intra.example) anna@intra.example",
                "`https://anna:hemligt@intra.example` i kod är text", "[a](/posts/a@b)")) {
            assertInstanceOf(Outcome.Done.class, PostRules.check(draft("t", body, "a"), TIME), body);
        }
    }

    /**
     * An excerpt its author writes with "https://anna:hemligt@…" would be read without the password (excerptAsRead), so
     * what readers see would not be what was written. It is refused as the body's links are,
     * naming the host; an e-mail address, an "@" in a path and an address of a scheme the page never links are fine.
     */
    @Test
    void anExcerptWithAnAddressWithAUserNameOrPasswordIsRefusedNamingItsHost() {
        for (String excerpt : List.of("Läs https://anna:hemligt@intra.example/x här.", "Se www.anna@intra.example.")) {
            var r = assertInstanceOf(Outcome.Refused.class, PostRules.check(withExcerpt(excerpt), TIME), excerpt);
            assertEquals(List.of(new FieldError("excerpt", PostRules.LINK_WITH_CREDENTIALS + "intra.example")),
                    ((Refusal.Invalid) r.refusal()).errors(), excerpt);
        }
        for (String excerpt : List.of("Skriv till anna@intra.example.", "Se https://intra.example/a@b.", "Klona ssh://git@github.com/org/repo.")) {
            var checked = assertInstanceOf(Outcome.Done.class, PostRules.check(withExcerpt(excerpt), TIME), excerpt);
            assertEquals(excerpt, ((PostRules.Checked) checked.value()).excerpt());
        }
    }

    static PostDraft withExcerpt(String excerpt) {
        var d = draft("t", "Text.", "a");
        return new PostDraft(d.title(), d.body(), d.authorName(), d.authorRole(), d.authorOffice(), d.tags(),
                d.publishedAt(), d.imageUrl(), d.imageAlt(), d.imageCaption(), Optional.of(excerpt), d.status());
    }

    /**
     * "ssh://git@github.com/…" in a body is not refused as if a browser would send "git": a page never links an address
     * of a scheme other than http, https or mailto (SafeUrls), but shows it as text, which sends
     * nothing. Only an address the page would link or show is judged; the same user info after https is still refused.
     */
    @Test
    void anAddressOfASchemeThePageNeverLinksIsTakenWithItsUserName() {
        for (String body : List.of("Klona ssh://git@github.com/org/repo i terminalen.", "Hämta från ftp://anonymous@ftp.sunet.se/pub.",
                "Mappen smb://anna@filserver/delat.", "[Filerna](ftp://anonymous@ftp.sunet.se/pub) ![Ikon](ftp://anonymous@ftp.sunet.se/i.png)")) {
            assertInstanceOf(Outcome.Done.class, PostRules.check(draft("t", body, "a"), TIME), body);
        }
        for (String body : List.of("Klona https://git@github.com/org/repo i terminalen.", "[Filerna](http://anonymous@ftp.sunet.se/pub)")) {
            assertInstanceOf(Outcome.Refused.class, PostRules.check(draft("t", body, "a"), TIME), body);
        }
    }

    /**
     * An excerpt made from a body before StoredHtml.VERSION 2 holds a bare address's password, and is not equal to the
     * excerpt made from the body, so an edit of the body would keep it as the author's. Read as a summary reads it, it is made
     * from the body still, also from a long body, where the password's characters moved the cut; an author's excerpt is not.
     */
    @Test
    void anExcerptMadeBeforeFromABodyWithAnAddresssPasswordIsStillMadeFromTheBody() {
        String start = "Se https://anna:hemligt@intra.example.se/lista.";
        String shortBody = start + " Mer i morgon.";
        assertTrue(PostRules.derivedExcerpt(PostRules.excerptAsRead(shortBody), shortBody));
        String longBody = start + "\n\n" + "Rutinerna gäller alla kontor. ".repeat(20);
        // As excerptOf cut it before, the password taking room: at the last space before 280 characters.
        String words = start + " " + "Rutinerna gäller alla kontor. ".repeat(20).strip();
        String storedBefore = words.substring(0, words.lastIndexOf(' ', PostRules.DERIVED_EXCERPT)).strip() + "…";
        String read = PostRules.excerptAsRead(storedBefore);
        assertFalse(read.contains("hemligt"), read);
        assertNotEquals(PostRules.excerptOf(longBody), read, "the cut is elsewhere now");
        assertTrue(PostRules.derivedExcerpt(read, longBody));
        assertFalse(PostRules.derivedExcerpt("Rutiner för alla kontor, se https://intra.example.se/lista.", longBody), "the author's");
    }

    @Test
    void controlCharactersAndBrokenUnicodeAreRefused() {
        assertEquals(List.of("title"), fieldsOf(PostRules.check(draft("a\u0000b", "x", "a"), TIME)));
        assertEquals(List.of("title"), fieldsOf(PostRules.check(draft("a\nb", "x", "a"), TIME)));
        assertEquals(List.of("title"), fieldsOf(PostRules.check(draft("a\u2029b", "x", "a"), TIME)));
        assertEquals(List.of("author.name"), fieldsOf(PostRules.check(draft("a", "x", "Åsa\u2028Öberg"), TIME)));
        assertInstanceOf(Outcome.Done.class, PostRules.check(draft("a", "stycke ett\u2029stycke två", "a"), TIME), "the text may have them");
        assertEquals(List.of("body"), fieldsOf(PostRules.check(draft("a", "x\u001b[31m", "a"), TIME)));
        assertEquals(List.of("title"), fieldsOf(PostRules.check(draft("a\uD800b", "x", "a"), TIME)));
        assertInstanceOf(Outcome.Done.class, PostRules.check(draft("a", "rad ett\r\nrad två\tindrag", "a"), TIME));
        // Noncharacters (U+FFFF in a post makes the feed XML no reader can parse), in any field.
        assertEquals(List.of("body"), fieldsOf(PostRules.check(draft("a", "a \uffff b", "a"), TIME)));
        assertEquals(List.of("title"), fieldsOf(PostRules.check(draft("a\ufffe", "x", "a"), TIME)));
        assertEquals(List.of("author.name"), fieldsOf(PostRules.check(draft("a", "x", "Ö\ufdd0"), TIME)));
        assertEquals(List.of("body"), fieldsOf(PostRules.check(draft("a", "x " + Character.toString(0x10FFFF), "a"), TIME)));
        assertInstanceOf(Outcome.Done.class, PostRules.check(draft("a", "x \ufffd " + Character.toString(0x1F600) + " \ufdcf", "a"), TIME),
                "the replacement character, an emoji and the code point before the noncharacters are text");
        // Both ends of the noncharacters U+FDD0..U+FDEF: the last is refused, the Arabic ligature after it is text.
        assertEquals(List.of("body"), fieldsOf(PostRules.check(draft("a", "x \ufdef", "a"), TIME)));
        assertInstanceOf(Outcome.Done.class, PostRules.check(draft("a", "x \ufdf0", "a"), TIME));
    }

    @Test
    void tagsAreCheckedOneByOneAndAtMostTwentyDistinct() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            names.add("Etikett " + i);
        }
        names.add("etikett 0");
        assertInstanceOf(Outcome.Done.class, PostRules.checkTags(names), "a repeated slug is one tag");
        names.add("Etikett 20");
        assertEquals(List.of("tags"), fieldsOf(PostRules.checkTags(names)));
        assertEquals(List.of("tags[1]", "tags[2]"), fieldsOf(PostRules.checkTags(List.of("Ok", " ", "x".repeat(51)))));
        // A tag's address is made of letters a–z and digits (accents dropped): other scripts make none, and the message says so.
        assertEquals(List.of("tags[0]"), fieldsOf(PostRules.checkTags(List.of("Fest\uffff"))), "a noncharacter breaks the category's feed title");
        assertEquals(Tag.LETTER_OR_DIGIT, Tag.problemWith("Москва"));
        assertEquals(null, Tag.problemWith("Ångström é"));
    }

    @Test
    void imagesNeedAWebAddress() {
        var d = new PostDraft(Optional.of("t"), Optional.of("b"), Optional.of("a"), Optional.empty(), Optional.empty(),
                List.of(), Optional.empty(), Optional.of("data:image/png;base64,AAAA"), Optional.of("alt"),
                Optional.empty(), Optional.empty(), Optional.empty());
        assertEquals(List.of("image.url"), fieldsOf(PostRules.check(d, TIME)));
        var captionOnly = new PostDraft(Optional.of("t"), Optional.of("b"), Optional.of("a"), Optional.empty(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("Foto: Åsa"), Optional.empty(), Optional.empty());
        assertEquals(List.of("image.url"), fieldsOf(PostRules.check(captionOnly, TIME)));
        // Another post's uploaded picture, by its path or its full address on any site, goes when that post lets it go.
        for (String stored : List.of("/images/abcdefghijklmnopqrstuvwxyz.png", "https://blogg.example/images/abcdefghijklmnopqrstuvwxyz.png?v=1",
                "https://blogg.example/x/../images/abcdefghijklmnopqrstuvwxyz.png", "https://blogg.example/./images/%61bcdefghijklmnopqrstuvwxyz.png",
                "https://b.ex/../images/abcdefghijklmnopqrstuvwxyz.png", "https://b.ex/x/%2e%2e/images/abcdefghijklmnopqrstuvwxyz.png")) {
            var borrowed = new PostDraft(Optional.of("t"), Optional.of("b"), Optional.of("a"), Optional.empty(), Optional.empty(),
                    List.of(), Optional.empty(), Optional.of(stored), Optional.of("alt"), Optional.empty(), Optional.empty(), Optional.empty());
            var refused = assertInstanceOf(Outcome.Refused.class, PostRules.check(borrowed, TIME));
            assertEquals(List.of(new FieldError("image.url", PostRules.ANOTHER_POSTS_PICTURE)), ((Refusal.Invalid) refused.refusal()).errors());
        }
        var elsewhere = new PostDraft(Optional.of("t"), Optional.of("b"), Optional.of("a"), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Optional.of("https://example.com/images/logo.png"), Optional.of("alt"), Optional.empty(), Optional.empty(),
                Optional.empty());
        assertInstanceOf(Outcome.Done.class, PostRules.check(elsewhere, TIME), "any other address under /images/ is a web address");
    }

    /**
     * The text may show only the post's own uploaded picture, as it is after the write: another's (pasted into the text by
     * its address, as authors reuse a logo or a portrait) or the one this write lets go is deleted with that post's picture,
     * and every reader would get a broken picture (found by a production pre-mortem). By its path, full address on any
     * site, or an address relative to the post's page; any other picture, and a link to the file, are the author's.
     */
    @Test
    void theTextShowsNoUploadedPictureButThePostsOwn() {
        String own = "/images/abcdefghijklmnopqrstuvwxyz.png";
        String other = "/images/zyxwvutsrqponmlkjihgfedcba.jpg";
        var stored = storedWithPicture(own);
        for (String shown : List.of(other, "https://blogg.example" + other, "https://d111.cloudfront.net" + other + "?v=2",
                "../.." + other, "  " + other)) {
            var refused = assertInstanceOf(Outcome.Refused.class, PostRules.check(withBodyAndPicture("Se här:\n\n![Logga](" + shown + ")", own),
                    TIME, Optional.of(stored)), shown);
            assertEquals(List.of(new FieldError("body", PostRules.NOT_THIS_POSTS_PICTURE + other)), ((Refusal.Invalid) refused.refusal()).errors(),
                    shown);
        }
        assertInstanceOf(Outcome.Done.class, PostRules.check(withBodyAndPicture("![Logga](https://blogg.example" + own + ")", own), TIME,
                Optional.of(stored)), "its own picture, in its text too");
        assertInstanceOf(Outcome.Refused.class, PostRules.check(withBodyAndPicture("![Logga](" + own + ")", ""), TIME, Optional.of(stored)),
                "its own picture, which this write takes away");
        assertInstanceOf(Outcome.Done.class, PostRules.check(withBodyAndPicture("[filen](" + other + ") och ![Loggan](https://example.com"
                + "/images/logo.png)", ""), TIME, Optional.of(stored)), "a link to a file, and a picture under /images/ of no name the site makes");
    }

    /**
     * Another post's picture shown in the text by an address a browser reads as that file, but java.net.URI refuses (a space
     * or a bar in its query, a backslash for a slash, a host of Swedish letters): the page shows the file (the renderer
     * writes the address as typed, and the browser encodes or mends it), yet the rule took it as "no address a browser
     * would fetch" and let the text through, so the picture breaks when the other post lets it go.
     */
    @Test
    void anotherPostsPictureIsRefusedHoweverABrowserReadsItsAddress() {
        String own = "/images/abcdefghijklmnopqrstuvwxyz.png";
        String other = "/images/zyxwvutsrqponmlkjihgfedcba.jpg";
        var stored = storedWithPicture(own);
        List<String> letThrough = new ArrayList<>();
        for (String shown : List.of("<" + other + "?storlek=stor bild>", other + "?v=1|2", other + "?v={2}",
                "/images\\zyxwvutsrqponmlkjihgfedcba.jpg", "https://räksmörgås.se" + other)) {
            String body = "Se här:\n\n![Logga](" + shown + ")";
            assertTrue(Markdown.toHtml(body).matches("(?s).*<img src=\"[^\"]*zyxwvutsrqponmlkjihgfedcba\\.jpg.*"), "the page shows it: "
                    + Markdown.toHtml(body));
            if (PostRules.check(withBodyAndPicture(body, own), TIME, Optional.of(stored)) instanceof Outcome.Done) {
                letThrough.add(shown);
            }
        }
        assertEquals(List.of(), letThrough, "texts showing another post's picture that were let through");
    }

    /**
     * A post whose text shows its own picture, saved with the picture's alt text emptied by mistake: the one thing to put
     * right is the alt text. The picture refused for it, the text is also refused as showing "an uploaded picture that is not
     * this post's own picture", telling the author to upload it again or take it out of the text: neither is needed.
     */
    @Test
    void anOwnPictureWithItsAltTextEmptiedIsNotAlsoCalledAnotherPostsInTheText() {
        String own = "/images/abcdefghijklmnopqrstuvwxyz.png";
        var stored = storedWithPicture(own);
        var altEmptied = new PostDraft(Optional.of("Logotypen"), Optional.of("Så här ser den ut:\n\n![Logotypen](" + own + ")"),
                Optional.of("a"), Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.of(own), Optional.of(""),
                Optional.empty(), Optional.empty(), Optional.empty());

        assertEquals(List.of("image.alt"), fieldsOf(PostRules.check(altEmptied, TIME, Optional.of(stored))));
    }

    /** The post "Logotypen" as stored, published with this uploaded picture. */
    private static PostSummary storedWithPicture(String picture) {
        return new PostSummary("5ad2042c-f7f5-47ac-98da-d4ede0d324ab", "logotypen", "Logotypen", "", new Byline("a", Optional.empty(),
                Optional.empty()), List.of(), Optional.of(new Image(picture, "Logotypen", Optional.empty())), Status.PUBLISHED,
                Instant.parse("2026-11-01T09:00:00Z"), true, Instant.parse("2026-11-01T09:00:00Z"), 3, "author-1");
    }

    private static PostDraft withBodyAndPicture(String body, String picture) {
        return new PostDraft(Optional.of("Logotypen"), Optional.of(body), Optional.of("a"), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Optional.of(picture), picture.isEmpty() ? Optional.empty() : Optional.of("Logotypen"), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /**
     * A dot segment after /images/ ("/images/./x.png", "/images/%2e/x.png", "/images/y/../x.png") is no plain web address:
     * a browser removes it and asks for the other post's file, so this post would show a picture that goes when that post
     * lets it go. A trailing dot segment leaves a folder ("/images/x.png/.": "…/x.png/"),
     * no file, as a browser reads it.
     */
    @Test
    void dotSegmentsAfterImagesReachTheFileAsABrowserReadsThem() {
        String name = "abcdefghijklmnopqrstuvwxyz.png";
        for (String stored : List.of("https://blogg.example/images/./" + name, "https://blogg.example/images/%2e/" + name,
                "https://blogg.example/images/%2E/./" + name, "https://blogg.example/images/x/../" + name,
                "https://blogg.example/images/x/%2e%2e/" + name, "https://blogg.example/images/x/y/../../" + name)) {
            var borrowed = new PostDraft(Optional.of("t"), Optional.of("b"), Optional.of("a"), Optional.empty(), Optional.empty(),
                    List.of(), Optional.empty(), Optional.of(stored), Optional.of("alt"), Optional.empty(), Optional.empty(), Optional.empty());
            var refused = assertInstanceOf(Outcome.Refused.class, PostRules.check(borrowed, TIME), stored);
            assertEquals(List.of(new FieldError("image.url", PostRules.ANOTHER_POSTS_PICTURE)), ((Refusal.Invalid) refused.refusal()).errors(), stored);
        }
        for (String elsewhere : List.of("https://blogg.example/images/" + name + "/.", "https://blogg.example/images/" + name + "/..",
                "https://blogg.example/images/x/" + name, "https://blogg.example/images/../" + name)) {
            var d = new PostDraft(Optional.of("t"), Optional.of("b"), Optional.of("a"), Optional.empty(), Optional.empty(), List.of(),
                    Optional.empty(), Optional.of(elsewhere), Optional.of("alt"), Optional.empty(), Optional.empty(), Optional.empty());
            assertInstanceOf(Outcome.Done.class, PostRules.check(d, TIME), elsewhere + " names no uploaded file");
        }
    }

    /**
     * A picture on a host of Swedish letters, as the address bar shows it, is not refused as "not an http or https
     * address" (java.net.URI reads no host in it): the same host in a link of the body is taken.
     */
    @Test
    void aPictureOnAHostOfSwedishLettersIsStoredInTheFormEveryClientReads() {
        Map<String, String> typed = Map.of(
                "https://räksmörgås.se/bild.jpg", "https://xn--rksmrgs-5wao1o.se/bild.jpg",
                "https://RÄKSMÖRGÅS.se:8443/bilder/kök och matsal.jpg?storlek=stor#ö", "https://xn--rksmrgs-5wao1o.se:8443/bilder/k%C3%B6k%20och%20matsal.jpg?storlek=stor#%C3%B6",
                "https://ra\u0308ksmo\u0308rga\u030as.se/a.png", "https://xn--rksmrgs-5wao1o.se/a.png",
                "https://bilder.example.se/å.jpg", "https://bilder.example.se/%C3%A5.jpg",
                "http://例え.jp/b.jpg", "http://xn--r8jz45g.jp/b.jpg",
                "https://xn--rksmrgs-5wao1o.se/bild.jpg", "https://xn--rksmrgs-5wao1o.se/bild.jpg");
        typed.forEach((url, stored) -> {
            var d = new PostDraft(Optional.of("t"), Optional.of("b"), Optional.of("a"), Optional.empty(), Optional.empty(), List.of(),
                    Optional.empty(), Optional.of(url), Optional.of("alt"), Optional.empty(), Optional.empty(), Optional.empty());
            var done = assertInstanceOf(Outcome.Done.class, PostRules.check(d, TIME), url);
            assertEquals(stored, ((PostRules.Checked) done.value()).image().orElseThrow().url(), url);
        });
        for (String url : List.of("https://ex ample.se/b.jpg", "https://räk smörgås.se/b.jpg", "javascript:alert('å')",
                "https:///å.jpg")) {
            var d = new PostDraft(Optional.of("t"), Optional.of("b"), Optional.of("a"), Optional.empty(), Optional.empty(), List.of(),
                    Optional.empty(), Optional.of(url), Optional.of("alt"), Optional.empty(), Optional.empty(), Optional.empty());
            assertEquals(List.of("image.url"), fieldsOf(PostRules.check(d, TIME)), url);
        }
        // Measured as stored, so an address taken is one an edit can send back. 400 "ö" are 2,400 characters so.
        String longest = "https://bilder.example.se/" + "ö".repeat(400) + ".jpg";
        var tooLong = new PostDraft(Optional.of("t"), Optional.of("b"), Optional.of("a"), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Optional.of(longest), Optional.of("alt"), Optional.empty(), Optional.empty(), Optional.empty());
        var refused = assertInstanceOf(Outcome.Refused.class, PostRules.check(tooLong, TIME));
        assertEquals(List.of(new FieldError("image.url", PostRules.URL_TOO_LONG_AS_STORED)), ((Refusal.Invalid) refused.refusal()).errors());
    }

    /**
     * "https://user:pw@example.se/bild.jpg", stored, would send its user name and password in every page, feed and Open
     * Graph tag; a port of 99999, 0 or letters is no port; "https://ß.de/x.jpg" must not be stored as
     * "https://ss.de/x.jpg", another domain than the browser's xn--zca.de.
     */
    @Test
    void aPictureAddressIsRefusedWithItsPasswordOrAPortNoServerHasAndStoredAsABrowserResolvesIt() {
        Map<String, String> refused = Map.of(
                "https://user:pw@example.se/bild.jpg", PostRules.URL_WITH_CREDENTIALS,
                "https://user@bilder.malmö.se/bild.jpg", PostRules.URL_WITH_CREDENTIALS,
                "https://example.se:99999/x.jpg", PostRules.URL_WITH_NO_SUCH_PORT,
                "https://example.se:0/x.jpg", PostRules.URL_WITH_NO_SUCH_PORT,
                "https://example.se:ab/x.jpg", PostRules.URL_WITH_NO_SUCH_PORT,
                "https://räksmörgås.se:65536/x.jpg", PostRules.URL_WITH_NO_SUCH_PORT);
        refused.forEach((url, message) -> {
            var r = assertInstanceOf(Outcome.Refused.class, PostRules.check(withPicture(url), TIME), url);
            assertEquals(List.of(new FieldError("image.url", message)), ((Refusal.Invalid) r.refusal()).errors(), url);
        });
        Map<String, String> stored = Map.of(
                "https://ß.de/x.jpg", "https://xn--zca.de/x.jpg",
                "https://bilder.malmö.se/bild.jpg", "https://bilder.xn--malm-8qa.se/bild.jpg",
                "https://example.se:/x.jpg", "https://example.se/x.jpg",
                "https://example.se:65535/x.jpg", "https://example.se:65535/x.jpg",
                "https://example.se/x.jpg", "https://example.se/x.jpg");
        stored.forEach((url, address) -> {
            var done = assertInstanceOf(Outcome.Done.class, PostRules.check(withPicture(url), TIME), url);
            assertEquals(address, ((PostRules.Checked) done.value()).image().orElseThrow().url(), url);
        });
        assertEquals(List.of(new FieldError("image.url", "must be an http or https address")),
                ((Refusal.Invalid) assertInstanceOf(Outcome.Refused.class, PostRules.check(withPicture("https://a\u200Db.se/x.jpg"), TIME))
                        .refusal()).errors(), "a joiner IDN would drop: no domain a browser looks up");
    }

    /** README "Limits": a picture's address of 2,048 characters is taken; one character more is refused, saying why. */
    @Test
    void aPictureAddressOfExactly2048CharactersIsTakenAndOneMoreIsNot() {
        String start = "https://bilder.example.se/";
        String longest = start + "a".repeat(PostRules.MAX_URL - start.length() - 4) + ".jpg";
        assertEquals(2_048, longest.length());
        var taken = assertInstanceOf(Outcome.Done.class, PostRules.check(withPicture(longest), TIME), "exactly the limit");
        assertEquals(longest, ((PostRules.Checked) taken.value()).image().orElseThrow().url());
        String over = start + "a".repeat(PostRules.MAX_URL - start.length() - 3) + ".jpg";
        var refused = assertInstanceOf(Outcome.Refused.class, PostRules.check(withPicture(over), TIME), "one character more");
        var errors = ((Refusal.Invalid) refused.refusal()).errors();
        assertEquals(List.of(new FieldError("image.url", "must be at most 2048 characters")), errors,
                "says the limit, and only that: the address was sent, not empty");
    }

    /**
     * The limit as stored holds to the character too: an address of 2,048 characters once its "ö" is written as an escape
     * is taken, one of 2,049 is refused, saying why. Taken, it would be stored longer than an edit may send back, and every
     * later save of the post refused for a picture its author never touched.
     */
    @Test
    void aPictureAddressOfExactly2048CharactersAsStoredIsTakenAndOneMoreIsNot() {
        String start = "https://bilder.example.se/ö";
        String escapedStart = "https://bilder.example.se/%C3%B6";
        String longest = start + "a".repeat(PostRules.MAX_URL - escapedStart.length() - 4) + ".jpg";
        var taken = assertInstanceOf(Outcome.Done.class, PostRules.check(withPicture(longest), TIME), "exactly the limit as stored");
        assertEquals(2_048, ((PostRules.Checked) taken.value()).image().orElseThrow().url().length());
        String over = start + "a".repeat(PostRules.MAX_URL - escapedStart.length() - 3) + ".jpg";
        var refused = assertInstanceOf(Outcome.Refused.class, PostRules.check(withPicture(over), TIME), "one character more as stored");
        assertEquals(List.of(new FieldError("image.url", PostRules.URL_TOO_LONG_AS_STORED)), ((Refusal.Invalid) refused.refusal()).errors());
    }

    private static PostDraft withPicture(String url) {
        return new PostDraft(Optional.of("t"), Optional.of("b"), Optional.of("a"), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Optional.of(url), Optional.of("alt"), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * A picture's address that a browser opens as it is, with a character it escapes itself ("|" of a CDN's size
     * parameter, braces, a quote, a caret, a backtick, angle brackets), is not refused as "must be an http or https
     * address", which it is and which its author could not make sense of; java.net.URI takes none of them unescaped.
     * Stored escaped, as the browser sends them; an address already escaped is kept as it is.
     */
    @Test
    void aPictureAddressWithCharactersABrowserEscapesIsStoredEscaped() {
        Map<String, String> typed = Map.of(
                "https://bilder.example.se/a.jpg?w=800|h=600", "https://bilder.example.se/a.jpg?w=800%7Ch=600",
                "https://cdn.example.se/{id}/a.jpg", "https://cdn.example.se/%7Bid%7D/a.jpg",
                "https://bilder.example.se/a^b.jpg", "https://bilder.example.se/a%5Eb.jpg",
                "https://bilder.example.se/a`b.jpg", "https://bilder.example.se/a%60b.jpg",
                "https://bilder.example.se/a.jpg?t=\"x\"", "https://bilder.example.se/a.jpg?t=%22x%22",
                "https://bilder.example.se/a.jpg?t=<b>", "https://bilder.example.se/a.jpg?t=%3Cb%3E",
                "https://bilder.example.se/kök|matsal.jpg", "https://bilder.example.se/k%C3%B6k%7Cmatsal.jpg",
                "https://bilder.example.se/a.jpg?w=800%7Ch=600", "https://bilder.example.se/a.jpg?w=800%7Ch=600");
        typed.forEach((url, stored) -> {
            var d = new PostDraft(Optional.of("t"), Optional.of("b"), Optional.of("a"), Optional.empty(), Optional.empty(), List.of(),
                    Optional.empty(), Optional.of(url), Optional.of("alt"), Optional.empty(), Optional.empty(), Optional.empty());
            var done = assertInstanceOf(Outcome.Done.class, PostRules.check(d, TIME), url);
            assertEquals(stored, ((PostRules.Checked) done.value()).image().orElseThrow().url(), url);
        });
        // Still refused: no host a browser could reach, or an escape that is none.
        for (String url : List.of("https://ex|ample.se/b.jpg", "https://bilder.example.se/%zz.jpg", "https://{host}/b.jpg")) {
            var d = new PostDraft(Optional.of("t"), Optional.of("b"), Optional.of("a"), Optional.empty(), Optional.empty(), List.of(),
                    Optional.empty(), Optional.of(url), Optional.of("alt"), Optional.empty(), Optional.empty(), Optional.empty());
            assertEquals(List.of("image.url"), fieldsOf(PostRules.check(d, TIME)), url);
        }
    }

    /**
     * A category pasted with a soft hyphen ("Sam\u00ADverkan", from Word or a hyphenated page) is Samverkan, not a second
     * category "sam-verkan" shown alike; a title with a zero-width space does not make the slug "fi-ka".
     */
    @Test
    void hintsOfALineBreakLeaveNamesAndTitlesButNotTheText() {
        var d = new PostDraft(Optional.of("Fi\u200Bka i Malm\u00F6\u2060"), Optional.of("Sam\u00ADverkan i texten."),
                Optional.of("\u00C5sa \uFEFF\u00D6\u00ADberg"), Optional.empty(), Optional.of("Friv\u00E5r\u00ADden Malm\u00F6"),
                List.of("Sam\u00ADverkan", "\u00AD"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        assertEquals(List.of("tags[1]"), fieldsOf(PostRules.check(d, TIME)), "a category of nothing but a soft hyphen is empty");
        var fine = new PostDraft(d.title(), d.body(), d.authorName(), d.authorRole(), d.authorOffice(), List.of("Sam\u00ADverkan", "Fika\u200D\uD83C\uDF70"),
                d.publishedAt(), d.imageUrl(), d.imageAlt(), d.imageCaption(), d.excerpt(), d.status());
        var checked = (PostRules.Checked) assertInstanceOf(Outcome.Done.class, PostRules.check(fine, TIME)).value();
        assertEquals("Fika i Malmö", checked.title());
        assertEquals("fika-i-malmo", Slugs.forTitle(checked.title()));
        assertEquals("Åsa Öberg", checked.byline().name());
        assertEquals(Optional.of("Frivården Malmö"), checked.byline().office());
        assertEquals(List.of(new Tag("samverkan", "Samverkan"), new Tag("fika", "Fika\u200D\uD83C\uDF70")), checked.tags(),
                "one category with Samverkan; a joiner that shapes what is shown stays");
        assertEquals("Sam\u00ADverkan i texten.", checked.body(), "the text keeps its hyphenation points");
        assertEquals(Optional.of(Facet.Kind.CATEGORY), Facet.named(Facet.Kind.CATEGORY, "Sam\u00ADverkan").map(Facet::kind));
        assertEquals("samverkan", Facet.slugOf("Sam\u00ADverkan"), "looked up as it is stored");
    }

    /**
     * A word joiner (U+2060) inside a word is a hint as the others are, not only one at a field's end (which is trimmed as
     * a blank anyway): kept, "Sam{U+2060}verkan" would be a second category "sam-verkan" and a title the slug "fi-ka".
     */
    @Test
    void aWordJoinerInsideATitleOrCategoryIsLeftOutAsTheOtherHintsAre() {
        var d = new PostDraft(Optional.of("Fi\u2060ka i Malmö"), Optional.of("Text."), Optional.of("Åsa Öberg"), Optional.empty(),
                Optional.empty(), List.of("Sam\u2060verkan"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        var checked = (PostRules.Checked) assertInstanceOf(Outcome.Done.class, PostRules.check(d, TIME)).value();
        assertEquals("Fika i Malmö", checked.title());
        assertEquals("fika-i-malmo", Slugs.forTitle(checked.title()));
        assertEquals(List.of(new Tag("samverkan", "Samverkan")), checked.tags());
    }

    @Test
    void statusAndDateMustBeKnownValues() {
        var d = new PostDraft(Optional.of("t"), Optional.of("b"), Optional.of("a"), Optional.empty(), Optional.empty(),
                List.of(), Optional.of("2019-02-30"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("published-ish"));
        assertEquals(List.of("publishedAt", "status"), fieldsOf(PostRules.check(d, TIME)));
        var scheduled = new PostDraft(Optional.of("t"), Optional.of("b"), Optional.of("a"), Optional.empty(), Optional.empty(),
                List.of(), Optional.of("2019-01-30"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("draft"));
        var checked = (PostRules.Checked) assertInstanceOf(Outcome.Done.class, PostRules.check(scheduled, TIME)).value();
        assertEquals(Optional.of(Instant.parse("2019-01-29T23:00:00Z")), checked.publishedAt());
        assertEquals(Status.DRAFT, checked.status());
    }

    /** 02:30 on the day the clocks skip 02:00–03:00 is not saved as 03:30: refused, saying why, not as "no date". */
    @Test
    void aTimeTheClocksSkipIsRefusedSayingSo() {
        Outcome<PostRules.Checked> skipped = PostRules.check(dated("2026-03-29T02:30"), TIME);
        var invalid = (Refusal.Invalid) ((Outcome.Refused<?>) skipped).refusal();
        assertEquals(List.of(new FieldError("publishedAt", "does not exist in Europe/Stockholm: on 2026-03-29 the clocks go forward from 02:00 "
                + "to 03:00, so 02:30 never comes; choose another time, or give an offset")), invalid.errors());
        assertEquals(List.of(new FieldError("publishedAt", "2026-02-30 does not exist: 2026-02 has 28 days")),
                ((Refusal.Invalid) ((Outcome.Refused<?>) PostRules.check(dated("2026-02-30T02:30"), TIME)).refusal()).errors(),
                "a day February lacks says so, not the clocks");
        assertEquals(List.of(new FieldError("publishedAt", PostRules.NOT_A_TIME)),
                ((Refusal.Invalid) ((Outcome.Refused<?>) PostRules.check(dated("2026-02-30T02:30x"), TIME)).refusal()).errors());
        var instant = (PostRules.Checked) assertInstanceOf(Outcome.Done.class, PostRules.check(dated("2026-03-29T02:30+01:00"), TIME)).value();
        assertEquals(Optional.of(Instant.parse("2026-03-29T01:30:00Z")), instant.publishedAt(), "with its offset it is a time");
    }

    /** "(vintertid)" of a July time is not "no real date": the refusal says the time is summer time. */
    @Test
    void aSeasonWordThatIsNotTheTimesIsRefusedSayingSo() {
        var invalid = (Refusal.Invalid) ((Outcome.Refused<?>) PostRules.check(dated("2026-07-01T12:00 (vintertid)"), TIME)).refusal();
        assertEquals(List.of(new FieldError("publishedAt", "2026-07-01T12:00 is sommartid (summer time) in Europe/Stockholm, not vintertid; "
                + "the clocks show it once: leave out \"(vintertid)\", or give an offset")), invalid.errors());
        assertEquals(List.of(new FieldError("publishedAt", PostRules.NOT_A_TIME)),
                ((Refusal.Invalid) ((Outcome.Refused<?>) PostRules.check(dated("2026-10-25T02:30vintertid"), TIME)).refusal()).errors(),
                "a spelling the pages do not show");
        var second = (PostRules.Checked) assertInstanceOf(Outcome.Done.class, PostRules.check(dated("2026-10-25T02:30 (vintertid)"), TIME)).value();
        assertEquals(Optional.of(Instant.parse("2026-10-25T01:30:00Z")), second.publishedAt());
    }

    static PostDraft dated(String publishedAt) {
        return new PostDraft(Optional.of("t"), Optional.of("b"), Optional.of("a"), Optional.empty(), Optional.empty(), List.of(),
                Optional.of(publishedAt), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void aDerivedExcerptReadsAsProseWithoutMarkup() {
        assertEquals("Vi träffades i Ystad. Gemensamma rutiner; en kontaktperson. Läs mer.",
                PostRules.excerptOf("Vi träffades i **Ystad**.\n\n- gemensamma rutiner\n- en kontaktperson\n\n[Läs mer](https://e.se)"));
    }

    @Test
    void aLongRunWithoutSpacesIsCutBetweenWholeCharacters() {
        String coder = "👩🏾‍💻"; // four code points as one picture: woman, skin tone, zero-width joiner, laptop
        String excerpt = PostRules.excerptOf("Kort start " + coder.repeat(80));
        assertTrue(excerpt.endsWith(coder + "…"), excerpt);
        assertEquals("Kort start " + coder.repeat((PostRules.DERIVED_EXCERPT - 11) / 4), excerpt.substring(0, excerpt.length() - 1));
        String flags = PostRules.excerptOf("Kort " + "\uD83C\uDDF8\uD83C\uDDEA".repeat(200));
        assertTrue(flags.endsWith("\uD83C\uDDF8\uD83C\uDDEA…") && (flags.length() - 6) % 4 == 0, "whole flags, paired from the run's start: " + flags);
        String accented = PostRules.excerptOf("x" + "e\u0301".repeat(300));
        assertTrue(accented.endsWith("e\u0301…"), "a letter keeps its accent: " + accented);
        String body = "Kort start " + coder.repeat(80);
        String before = "Kort start " + coder.repeat(67) + "\uD83D\uDC69…"; // cut at a code point, as excerpts were made before
        assertEquals(before, new StringBuilder(body).substring(0, body.offsetByCodePoints(0, PostRules.DERIVED_EXCERPT)) + "…");
        assertTrue(PostRules.derivedExcerpt(before, body), "one made before is still known as made from the body");
    }

    /**
     * A paragraph's stray right-to-left override must not turn every paragraph after it in the excerpt (lists, feeds,
     * search), where the page turns only its own. Each block closes what it left open.
     */
    @Test
    void eachParagraphOfAnExcerptClosesTheDirectionItLeftOpen() {
        assertEquals("Början \u202eomvänt utan slut\u202c. Punkt \u2067öppen\u2069; nästa punkt. Sista stycket här.",
                PostRules.excerptOf("Början \u202eomvänt utan slut\n\n- punkt \u2067öppen\n- nästa punkt\n\nSista stycket här."));
        assertEquals("Stängd \u202eav sig själv\u202c. Nästa.", PostRules.excerptOf("Stängd \u202eav sig själv\u202c\n\nNästa."),
                "closed already: nothing added");
        assertEquals("A \u202eslut.\u202c B.", PostRules.excerptOf("A \u202eslut.\n\nB."), "a block's own full stop, once (from a review)");
        assertEquals("Kod \u202eett två\u202c. Efter.", PostRules.excerptOf("```\nKod \u202eett\ntvå\n```\n\nEfter."),
                "a code block's lines are joined: its newline closes nothing");
        assertEquals("Ett: \u202eslut.\u202c Nästa punkt. Tabell: A, B. \u202eslut.\u202c Sist.",
                PostRules.excerptOf("Ett:\n\n- \u202eslut.\n- nästa punkt\n\nTabell:\n\n| A | B |\n|---|---|\n| \u202eslut. | |\n\nSist."),
                "its own full stop seen behind the closing: the next item opens with a capital, an empty cell adds no mark (from a review)");
        assertTrue(PostRules.derivedExcerpt("Början \u202eomvänt utan slut. Sista.", "Början &#x202E;omvänt utan slut\n\nSista."),
                "a control written as a reference, made before");
        String body = "Början \u202eomvänt utan slut\n\nSista stycket här.";
        assertTrue(PostRules.derivedExcerpt("Början \u202eomvänt utan slut. Sista stycket här.", body),
                "one made before, left open, is still known as made from the body: an edit of the body makes it anew");
        assertFalse(PostRules.derivedExcerpt("Början omvänt. Sista stycket här.", body), "the author's own is theirs");
    }

    /**
     * An excerpt made before a reference to a control was made fit ("&#150;" kept as U+0096, "&#x1;" as U+0001) is still
     * known as made from the body, so an edit of the body makes it anew.
     */
    @Test
    void anExcerptMadeBeforeReferencesToControlsWereMadeFitIsStillKnownAsMadeFromTheBody() {
        String body = "Möte 9&#150;11 i Kalmar. Sedan &#x1; slut.";
        assertEquals("Möte 9–11 i Kalmar. Sedan \uFFFD slut.", PostRules.excerptOf(body));
        assertTrue(PostRules.derivedExcerpt("Möte 9\u009611 i Kalmar. Sedan \u0001 slut.", body));
        assertFalse(PostRules.derivedExcerpt("Möte 9–11 i Kalmar.", body), "the author's own is theirs");
        assertFalse(PostRules.derivedExcerpt("Egen\uFFFE sammanfattning.", body),
                "the author's own holding a noncharacter, which the rules took before ecf5bea, is theirs too (from a review)");
        assertFalse(PostRules.derivedExcerpt("Möte 9\u009612 i Kalmar. Sedan \u0001 slut.", body), "made fit, not the body's words");
    }

    @Test
    void aLongBodyGetsAnExcerptCutAtAWord() {
        String excerpt = PostRules.excerptOf("ord ".repeat(200));
        assertTrue(excerpt.endsWith("…"));
        assertTrue(excerpt.length() <= PostRules.DERIVED_EXCERPT + 1);
        assertTrue(excerpt.startsWith("ord ord"));
        assertTrue(!excerpt.contains("or…"), excerpt);
    }
}
