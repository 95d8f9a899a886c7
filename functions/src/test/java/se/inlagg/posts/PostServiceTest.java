package se.inlagg.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.inlagg.http.TestContext;
import se.inlagg.ops.Invocation;

class PostServiceTest {

    static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    final InMemoryPosts repository = new InMemoryPosts();
    final List<String> files = new ArrayList<>();
    final ImageFiles images = name -> files.add("discard " + name);
    final PostService service = new PostService(repository, new SiteTime(ZoneId.of("Europe/Stockholm"),
            Clock.fixed(NOW, ZoneId.of("UTC"))), Duration.ofMillis(300), images);
    static final Image.Size SIZE = new Image.Size(640, 320);
    /** The writes' metric lines go to this test's context, not to the build's output. */
    final Invocation.Scope invocation = Invocation.begin(new TestContext(), "", "");

    @AfterEach
    void endInvocation() {
        invocation.close();
    }

    static PostDraft post(String title, String publishedAt, String status, String... tags) {
        return new PostDraft(Optional.of(title), Optional.of("Brödtext."), Optional.of("Åsa Öberg"),
                Optional.of("Frivårdsinspektör"), Optional.of("Malmö"), List.of(tags), Optional.ofNullable(publishedAt),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.ofNullable(status));
    }

    Post created(PostDraft draft) {
        return (Post) assertInstanceOf(Outcome.Done.class, service.create(draft, "author-1", Optional.empty())).value();
    }

    /** The service on the same store at another moment: a draft begun days ago, a post published again later. */
    PostService at(Instant moment) {
        return new PostService(repository, new SiteTime(ZoneId.of("Europe/Stockholm"), Clock.fixed(moment, ZoneId.of("UTC"))),
                Duration.ofMillis(300), images);
    }

    static final Instant WEEK_AGO = NOW.minus(Duration.ofDays(7));

    @Test
    void aPostReadersCannotSeeYetHasNothingAroundItAndAVisibleOneItsNeighbours() {
        Post older = created(post("Äldre", "2019-01-10", null));
        Post middle = created(post("Mitten", "2019-01-20", null));
        Post newer = created(post("Nyare", "2019-01-30", null));
        Post draft = created(post("Utkast", null, "draft"));
        Post scheduled = created(post("Schemalagt", "2027-01-01", null));
        assertEquals(Surroundings.NONE, service.around(draft.summary(), 3));
        assertEquals(Surroundings.NONE, service.around(scheduled.summary(), 3));
        var around = service.around(middle.summary(), 3).neighbours();
        assertEquals(Optional.of("Nyare"), around.newer().map(PostSummary::title));
        assertEquals(Optional.of("Äldre"), around.older().map(PostSummary::title));
        assertEquals(Optional.empty(), service.around(newer.summary(), 3).neighbours().newer());
        assertEquals(Optional.empty(), service.around(older.summary(), 3).neighbours().older());
    }

    @Test
    void aPostsNeighboursAndRelatedPostsAreReadSideBySide() {
        created(post("Äldre", "2019-01-10", null, "Frivård"));
        Post middle = created(post("Mitten", "2019-01-20", null, "Frivård", "Samverkan"));
        created(post("Nyare", "2019-01-30", null, "Samverkan"));
        // The newer and the older neighbour and one list per category: four reads, all in flight at once.
        repository.readsMeet = new CyclicBarrier(4);
        var around = service.around(middle.summary(), 3);
        assertEquals(Optional.of("Nyare"), around.neighbours().newer().map(PostSummary::title));
        assertEquals(Optional.of("Äldre"), around.neighbours().older().map(PostSummary::title));
        assertEquals(List.of("Nyare", "Äldre"), around.related().stream().map(PostSummary::title).toList());
    }

    @Test
    void aFacetsPostsAreReadSideBySideWithTheCheckThatReadersMaySeeIt() {
        created(post("Fika i Växjö", "2019-01-20", null, "Frivård"));
        created(post("Utkast", null, "draft", "Samverkan"));
        repository.readsMeet = new CyclicBarrier(2);
        var found = service.inVisibleFacet(Facet.Kind.CATEGORY, "frivard",
                f -> service.list(new ListQuery(Optional.of(f), Optional.empty(), 10, Optional.empty()))).orElseThrow();
        assertEquals("Frivård", found.facet().name(), "the name the counter keeps, not the slug the read was given");
        assertEquals(List.of("Fika i Växjö"), ((Outcome.Done<Page<PostSummary>>) found.value()).value().items().stream()
                .map(PostSummary::title).toList());
        repository.readsMeet = null;
        assertEquals(Optional.empty(), service.inVisibleFacet(Facet.Kind.CATEGORY, "samverkan", f -> "read"),
                "a category only a draft carries is not there for readers");
        assertEquals(Optional.empty(), service.inVisibleFacet(Facet.Kind.CATEGORY, "!!!", f -> "read"), "no slug, no read");
    }

    @Test
    void aNewPostStartsAtVersionOneAndNowWhenNoDateIsGiven() {
        Post p = created(post("Att gästspela som chef", null, null));
        assertEquals(1, p.version());
        assertEquals(Instant.parse("2026-11-22T08:00:00Z"), p.summary().publishedAt());
        assertEquals("author-1", p.summary().authorId());
    }

    @Test
    void takenSlugsAreSkippedAndARaceForTheSameSlugMovesOn() {
        created(post("Fika", null, null));
        assertEquals("fika-2", created(post("Fika", null, null)).slug());
        repository.slugsClaimedBehindOurBack.add("fika-3");
        assertEquals("fika-4", created(post("Fika!", null, null)).slug());
        assertEquals("fika-5", created(post("Fika", null, null)).slug(), "the counter moved past the slug taken behind our back");
    }

    @Test
    void theFortiethPostWithOneTitleCostsWhatTheFirstDid() {
        int before = repository.calls.get();
        created(post("Månadsmöte", null, null));
        int first = repository.calls.get() - before;
        for (int i = 2; i < 40; i++) {
            created(post("Månadsmöte", null, null));
        }
        before = repository.calls.get();
        Post fortieth = created(post("Månadsmöte", null, null));
        assertEquals("manadsmote-40", fortieth.slug());
        assertEquals(first, repository.calls.get() - before);
    }

    @Test
    void aStaleWriteIsRetriedFromAFreshRead() {
        created(post("Omförsök", null, null, "A"));
        repository.staleAnswersLeft.set(3);
        var outcome = service.addTags("omforsok", List.of("B"), Optional.empty(), "author-1");
        var summary = (PostSummary) assertInstanceOf(Outcome.Done.class, outcome).value();
        assertEquals(List.of("a", "b"), summary.tags().stream().map(Tag::slug).toList());
        assertEquals(2, summary.version());
    }

    @Test
    void writersThatNeverWinGetBusyNotAnError() {
        created(post("Trängsel", null, null));
        repository.staleAnswersLeft.set(Integer.MAX_VALUE);
        var refused = assertInstanceOf(Outcome.Refused.class, service.addTags("trangsel", List.of("B"), Optional.empty(), "author-1"));
        assertInstanceOf(Refusal.Busy.class, refused.refusal());
    }

    @Test
    void addingTagsAPostAlreadyHasChangesNothing() {
        created(post("Oförändrad", null, null, "Frivård"));
        int writes = repository.writes;
        var summary = (PostSummary) assertInstanceOf(Outcome.Done.class, service.addTags("oforandrad", List.of("frivard"), Optional.empty(), "author-1")).value();
        assertEquals(1, summary.version());
        assertEquals(writes, repository.writes);
    }

    @Test
    void removingATagThePostLacksIsNotFound() {
        created(post("Utan etikett", null, null));
        var refused = assertInstanceOf(Outcome.Refused.class, service.removeTag("utan-etikett", "frivard", Optional.empty(), "author-1"));
        assertInstanceOf(Refusal.NotFound.class, refused.refusal());
    }

    /** What the new-post form asks about once (WriteHandler): this author's post of the very title, saved in the last 15 minutes. */
    @Test
    void aPostOfTheSameTitleSavedJustNowIsNamedUnlessTheRequestsOwnKeyMadeAPost() {
        var key = new IdempotentRequest("nyckel", "begaran", Optional.empty());
        Post first = (Post) assertInstanceOf(Outcome.Done.class, service.create(post("Månadsmöte i december", null, "draft"), "author-1",
                Optional.of(key))).value();
        assertEquals(Optional.of(first.id()), service.sameTitleJustNow("author-1", " Månadsmöte i december ", Optional.empty()).map(PostSummary::id));
        assertEquals(Optional.empty(), service.sameTitleJustNow("author-1", "Månadsmöte i december", Optional.of(key)),
                "the form that made it, sent again: its own answer says so");
        assertEquals(Optional.empty(), service.sameTitleJustNow("author-2", "Månadsmöte i december", Optional.empty()), "another author's");
        assertEquals(Optional.empty(), service.sameTitleJustNow("author-1", "Månadsmöte i januari", Optional.empty()));
        assertEquals(Optional.of(first.id()), at(NOW.plus(Duration.ofMinutes(14))).sameTitleJustNow("author-1", "Månadsmöte i december",
                Optional.empty()).map(PostSummary::id));
        assertEquals(Optional.empty(), at(NOW.plus(Duration.ofMinutes(16))).sameTitleJustNow("author-1", "Månadsmöte i december",
                Optional.empty()), "saved longer ago: a title used again, as monthly meetings are");
    }

    /** The lists read a category written as you like, and so does removing one: /tags/FRIVARD is the post's frivard. */
    @Test
    void aTagIsRemovedByItsNameOrItsSlugInAnyCaseAsTheListsReadIt() {
        created(post("Med etiketter", null, null, "Frivård", "Kontraktsvård", "RBM"));
        for (String named : List.of("FRIVARD", "Kontraktsvård", "rbm")) {
            assertInstanceOf(Outcome.Done.class, service.removeTag("med-etiketter", named, Optional.empty(), "author-1"), named);
        }
        var summary = ((Post) assertInstanceOf(Outcome.Done.class, service.get("med-etiketter", Optional.empty())).value()).summary();
        assertEquals(List.of(), summary.tags());
    }

    /**
     * A category stored before direction marks were taken out of names, "Fi{U+200E}ka" with its own slug fi-ka (a
     * second category reading exactly as Fika), is still removed by its name as the API shows it on the post, as the
     * lists and the API's DELETE read a category "by its slug or its name".
     */
    @Test
    void aCategoryStoredBeforeWithADirectionMarkIsStillRemovedByItsName() {
        Post made = created(post("Med etiketter", null, null, "Frivård"));
        Tag storedBefore = new Tag(Slugs.of("Fi\u200Eka"), "Fi\u200Eka");
        assertEquals("fi-ka", storedBefore.slug(), "as Tag.named made it before this change");
        PostSummary before = made.summary().withTags(List.of(storedBefore), NOW);
        assertInstanceOf(Write.Applied.class, repository.update(made.summary(), before, Optional.empty(), NOW));

        var removed = service.removeTag("med-etiketter", storedBefore.name(), Optional.empty(), "author-1");

        assertInstanceOf(Outcome.Done.class, removed, "its name as stored names no tag of the post: " + removed);
    }

    /**
     * A category made now with a direction mark pasted in its name ("Fi{U+200E}ka", as a script copied it) is stored as
     * Fika (slug fika), its mark taken out. The same name, sent as the script sent it, must still find it: to remove it
     * from the post, and in ?tag= and /tags/{name}. Read with the mark kept (Tag.asLookedUp) it makes fi-ka, no category
     * of the post's (from a review).
     */
    @Test
    void aCategoryMadeNowWithADirectionMarkIsFoundAndRemovedByTheNameAsTyped() {
        created(post("Med fika", "2019-01-10", null, "Fi\u200Eka"));
        var summary = ((Post) assertInstanceOf(Outcome.Done.class, service.get("med-fika", Optional.empty())).value()).summary();
        assertEquals("fika", summary.tags().get(0).slug(), "stored without its mark");

        assertEquals(Optional.of("fika"), service.findVisibleFacet(Facet.Kind.CATEGORY, "Fi\u200Eka").map(c -> c.facet().slug()),
                "?tag= and /tags/ by the name as typed find no category");
        var removed = service.removeTag("med-fika", "Fi\u200Eka", Optional.empty(), "author-1");
        assertInstanceOf(Outcome.Done.class, removed, "the name as it was typed names no tag of the post: " + removed);
    }

    @Test
    void draftsAndFuturePostsAreVisibleOnlyToTheirAuthor() {
        created(post("Utkast", null, "draft"));
        created(post("Framtid", "2030-01-01", null));
        for (String slug : List.of("utkast", "framtid")) {
            assertInstanceOf(Outcome.Refused.class, service.get(slug, Optional.empty()));
            assertInstanceOf(Outcome.Refused.class, service.get(slug, Optional.of("someone-else")));
            assertInstanceOf(Outcome.Done.class, service.get(slug, Optional.of("author-1")));
        }
    }

    /**
     * A post scheduled for later is a reader's from its time on, with no write to it in between: not a second before, and
     * then for anyone, not its author alone.
     */
    @Test
    void aScheduledPostIsFoundByReadersOnceItsTimeHasComeAndNotBefore() {
        Instant at = created(post("Julhälsning till alla", "2026-12-24", null)).summary().publishedAt();
        assertInstanceOf(Outcome.Refused.class, service.get("julhalsning-till-alla", Optional.empty()), "scheduled");
        assertInstanceOf(Outcome.Refused.class, at(at.minusSeconds(1)).get("julhalsning-till-alla", Optional.empty()), "a second before");
        for (Optional<String> reader : List.of(Optional.<String>empty(), Optional.of("someone-else"))) {
            assertInstanceOf(Outcome.Done.class, at(at).get("julhalsning-till-alla", reader), "at its time");
            assertInstanceOf(Outcome.Done.class, at(at.plus(Duration.ofDays(3))).get("julhalsning-till-alla", reader), "and after");
        }
    }

    @Test
    void aCategoryIsFoundByItsSlugOrByItsNameOnlyWhileReadersCanSeeAPostInIt() {
        created(post("Etiketter", null, null, "Klientens bästa"));
        Facet expected = new Facet(Facet.Kind.CATEGORY, "klientens-basta", "Klientens bästa");
        assertEquals(Optional.of(expected), service.findVisibleFacet(Facet.Kind.CATEGORY, "Klientens bästa").map(FacetCount::facet));
        assertEquals(Optional.of(expected), service.findVisibleFacet(Facet.Kind.CATEGORY, "klientens-basta").map(FacetCount::facet));
        assertEquals(Optional.empty(), service.findVisibleFacet(Facet.Kind.CATEGORY, "??"));
        created(post("Bara utkast", null, "draft", "Hemlig"));
        assertEquals(Optional.empty(), service.findVisibleFacet(Facet.Kind.CATEGORY, "hemlig"), "a draft-only category is not there for readers");
    }

    @Test
    void aCategoryIsNamedBySlugOrName() {
        for (String given : List.of("Klientens bästa", "klientens-basta", " klientens   BÄSTA ")) {
            assertEquals("klientens-basta", Facet.categoryNamed(given).orElseThrow().slug(), given);
        }
        assertEquals("Klientens bästa", Facet.categoryNamed(" Klientens   bästa ").orElseThrow().name());
        assertEquals(Optional.empty(), Facet.categoryNamed("??"), "no slug, no category");
        // What readers see of it is its list's to say (PostsApiEndToEndTest: a category of a draft and a scheduled post lists nothing).
    }

    @Test
    void aRetriedCreateWithTheSameKeyAnswersTheFirstPost() {
        var request = new IdempotentRequest("key-hash", "request-hash");
        Post first = (Post) assertInstanceOf(Outcome.Done.class, service.create(post("Nyckel", null, null), "author-1", Optional.of(request))).value();
        Post again = (Post) assertInstanceOf(Outcome.Done.class, service.create(post("Nyckel", null, null), "author-1", Optional.of(request))).value();
        assertEquals(first.id(), again.id());
        assertEquals(1, repository.bySlug.size());
    }

    /**
     * A form's create records the showing of the form it came from: sent again from that page it is told apart from the
     * same form shown another time, which may hold older text, and from the API's.
     */
    @Test
    void whatAFormMadeIsToldApartByThePageItWasSentFrom() {
        var request = new IdempotentRequest("form-key", "request-hash");
        Post made = (Post) assertInstanceOf(Outcome.Done.class, service.create(post("Från sidan", null, null), "author-1",
                Optional.of(request.from("sida-1")))).value();
        assertEquals(Optional.of(new PostService.Made(made, true)), service.madeBy("author-1", request.from("sida-1")));
        assertEquals(Optional.of(new PostService.Made(made, false)), service.madeBy("author-1", request.from("sida-2")), "another showing");
        assertEquals(Optional.of(new PostService.Made(made, false)), service.madeBy("author-1", request), "a form of no showing");
        assertEquals(Optional.empty(), service.madeBy("author-2", request.from("sida-1")), "another author's key is their own");

        var api = new IdempotentRequest("api-key", "request-hash");
        Post byApi = (Post) assertInstanceOf(Outcome.Done.class, service.create(post("Från API:t", null, null), "author-1", Optional.of(api))).value();
        assertEquals(Optional.of(new PostService.Made(byApi, false)), service.madeBy("author-1", api), "no showing recorded, none matched");
    }

    /** A retry whose client fills in the defaults is the same request, not another (422), sent alike or not. */
    @Test
    void aRetryThatSpellsOutTheDefaultsAnswersTheFirstPostAndAnotherPostIsStillRefused() {
        Post first = (Post) assertInstanceOf(Outcome.Done.class, service.create(post("Nyckel", null, null), "author-1",
                Optional.of(new IdempotentRequest("key-hash", "sent-bare")))).value();
        Post again = (Post) assertInstanceOf(Outcome.Done.class, service.create(post(" Nyckel ", "", "published"), "author-1",
                Optional.of(new IdempotentRequest("key-hash", "sent-with-defaults")))).value();
        assertEquals(first.id(), again.id());
        var refused = assertInstanceOf(Outcome.Refused.class, service.create(post("Nyckel", null, "draft"), "author-1",
                Optional.of(new IdempotentRequest("key-hash", "sent-as-draft"))));
        assertEquals(Refusal.Rule.IDEMPOTENCY_KEY_REUSED, ((Refusal.Unprocessable) refused.refusal()).rule());
        assertEquals(1, repository.bySlug.size());
    }

    /**
     * A key whose post was deleted since, sent again with other content: the refusal tells the client to find the key's post
     * in GET /api/me/posts and PATCH it, and that a new key makes "a second post". There is no post to find (the same
     * request sent alike is told it was deleted since), and a new key is just what makes the one post (from a review).
     */
    @Test
    void aKeyWhosePostWasDeletedIsNotSaidToHaveAPostToFindAndPatch() {
        var request = new IdempotentRequest("key-hash", "sent");
        Post made = (Post) assertInstanceOf(Outcome.Done.class, service.create(post("Provkörning", null, null), "author-1",
                Optional.of(request))).value();
        assertInstanceOf(Outcome.Done.class, service.delete(made.slug(), Optional.empty(), "author-1"));

        var otherwise = assertInstanceOf(Outcome.Refused.class, service.create(post("Provkörning", null, null, "Fika"), "author-1",
                Optional.of(new IdempotentRequest("key-hash", "sent-otherwise"))));
        String told = otherwise.refusal() instanceof Refusal.Unprocessable u ? u.message() : otherwise.refusal().toString();
        assertFalse(told.contains("GET /api/me/posts") || told.contains("second post"),
                "a deleted post is said to be there to find and change: " + told);
    }

    /** A record the version before this one wrote knows only how its request was sent: a retry sent alike is still one. */
    @Test
    void aRecordFromBeforeRecordsKeptWhatWasAskedAnswersARetrySentAlike() {
        var request = new IdempotentRequest("key-hash", "sent");
        Post first = (Post) assertInstanceOf(Outcome.Done.class, service.create(post("Nyckel", null, null), "author-1",
                Optional.of(request))).value();
        repository.records.replaceAll((key, r) -> new IdempotencyRecord(r.requestSha256(), Optional.empty(), r.postId(), r.version(), r.expiresAt(), r.sentFrom()));
        Post again = (Post) assertInstanceOf(Outcome.Done.class, service.create(post("Nyckel", null, null), "author-1",
                Optional.of(request))).value();
        assertEquals(first.id(), again.id());
        assertInstanceOf(Outcome.Refused.class, service.create(post("Annan", null, null), "author-1",
                Optional.of(new IdempotentRequest("key-hash", "sent-otherwise"))));
        assertEquals(1, repository.bySlug.size());
    }

    /**
     * A create taken before a deploy made a rule stricter, retried after it exactly as sent: its post, not a 400 (a time in
     * the spring gap here, which the rules now refuse). Asked otherwise, or with no record, the rule's refusal stands.
     */
    @Test
    void aRetrySentAlikeOfACreateTakenBeforeARuleTightenedAnswersItsPost() {
        var request = new IdempotentRequest("key-hash", "sent");
        Post first = (Post) assertInstanceOf(Outcome.Done.class, service.create(post("Före regeln", "2026-03-29 03:30", null), "author-1",
                Optional.of(request))).value();
        PostDraft nowRefused = post("Före regeln", "2026-03-29 02:30", null);
        assertInstanceOf(Outcome.Refused.class, service.create(nowRefused, "author-1", Optional.empty()), "the rule refuses it");

        Post again = (Post) assertInstanceOf(Outcome.Done.class, service.create(nowRefused, "author-1", Optional.of(request))).value();
        assertEquals(first.id(), again.id());
        var otherwise = assertInstanceOf(Outcome.Refused.class, service.create(nowRefused, "author-1",
                Optional.of(new IdempotentRequest("key-hash", "sent-otherwise"))));
        assertInstanceOf(Refusal.Invalid.class, otherwise.refusal(), "what is wrong with it, not that the key was used");
        assertInstanceOf(Outcome.Refused.class, service.create(nowRefused, "author-2", Optional.of(request)), "another author's key is their own");
        assertEquals(1, repository.bySlug.size());

        assertInstanceOf(Outcome.Done.class, service.delete(first.slug(), Optional.empty(), "author-1"));
        var gone = assertInstanceOf(Outcome.Refused.class, service.create(nowRefused, "author-1", Optional.of(request)));
        assertEquals(new Refusal.NotFound(Refusal.Missing.POST_DELETED_SINCE), gone.refusal(), "as a replay says it, not what the rules say");
    }

    @Test
    void aFirstCreateWithAKeyReadsNoRecordBeforeItWrites() {
        int before = repository.calls.get();
        assertInstanceOf(Outcome.Done.class, service.create(post("Första med nyckel", null, null), "author-1",
                Optional.of(new IdempotentRequest("k", "r"))));
        assertEquals(2, repository.calls.get() - before, "the slug's counter and facets in one read, then the one write that also keeps the record");
    }

    @Test
    void aRepeatedRequestIsAnsweredWithTheFirstPostEvenWithNoWriteBudgetLeftToWaitIn() {
        var noBudget = new PostService(repository, service.time(), Duration.ZERO);
        var request = new IdempotentRequest("key-hash", "request-hash");
        Post first = (Post) assertInstanceOf(Outcome.Done.class, noBudget.create(post("Nyckel", null, null), "author-1",
                Optional.of(request))).value();
        Post again = (Post) assertInstanceOf(Outcome.Done.class, noBudget.create(post("Nyckel", null, null), "author-1",
                Optional.of(request)), "the first post, not a 503").value();
        assertEquals(first.id(), again.id());
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedAndAnotherAuthorsKeyIsTheirOwn() {
        service.create(post("Nyckel", null, null), "author-1", Optional.of(new IdempotentRequest("key-hash", "one")));
        var refused = assertInstanceOf(Outcome.Refused.class,
                service.create(post("Annan", null, null), "author-1", Optional.of(new IdempotentRequest("key-hash", "two"))));
        assertEquals(Refusal.Rule.IDEMPOTENCY_KEY_REUSED, ((Refusal.Unprocessable) refused.refusal()).rule());
        assertInstanceOf(Outcome.Done.class,
                service.create(post("Annan", null, null), "author-2", Optional.of(new IdempotentRequest("key-hash", "two"))));
        assertEquals(2, repository.bySlug.size());
    }

    @Test
    void anEditKeepsTheSlugAndBumpsTheVersion() {
        Post p = created(post("Gammal rubrik", "2019-01-30", null, "A"));
        Post edited = (Post) assertInstanceOf(Outcome.Done.class, service.edit(p, post("Ny rubrik", "2019-01-30", null, "B"), "author-1")).value();
        assertEquals("gammal-rubrik", edited.slug());
        assertEquals("Ny rubrik", edited.summary().title());
        assertEquals(2, edited.version());
        assertEquals(NOW, edited.summary().updatedAt());
        var stale = assertInstanceOf(Outcome.Refused.class, service.edit(p, post("Tredje", null, null), "author-1"));
        assertInstanceOf(Refusal.Stale.class, stale.refusal());
    }

    /** An author who mends a typo in the text must see the mended text: in the answer, and on the post read again. */
    @Test
    void anEditOfTheBodyStoresAndAnswersTheNewText() {
        Post p = created(post("Stavfel i texten", "2019-01-30", null));
        PostDraft d = post("Stavfel i texten", "2019-01-30", null);
        PostDraft mended = new PostDraft(d.title(), Optional.of("Rättad brödtext."), d.authorName(), d.authorRole(), d.authorOffice(),
                d.tags(), d.publishedAt(), d.imageUrl(), d.imageAlt(), d.imageCaption(), d.excerpt(), d.status());
        Post edited = done(service.edit(p, mended, "author-1"));
        assertEquals("Rättad brödtext.", edited.body(), "the answer has the new text");
        assertEquals("<p>Rättad brödtext.</p>\n", edited.bodyHtml(), "and the new text's HTML");
        Post read = done(service.get("stavfel-i-texten", Optional.empty()));
        assertEquals("Rättad brödtext.", read.body(), "the post read again has the new text, not the old");
        assertEquals("<p>Rättad brödtext.</p>\n", read.bodyHtml());
    }

    /** An empty merge patch makes no new version, which would make every other client's ETag stale. */
    @Test
    void anEditThatChangesNothingKeepsTheVersion() {
        Post p = created(post("Oförändrad", "2019-01-30", null, "A"));
        int writes = repository.writes;
        Post same = (Post) assertInstanceOf(Outcome.Done.class, service.edit(p, post("Oförändrad", "2019-01-30", null, "A"), "author-1")).value();
        assertEquals(1, same.version());
        assertEquals(writes, repository.writes, "nothing written");
        Post moved = (Post) assertInstanceOf(Outcome.Done.class, service.edit(p, post("Oförändrad", "2019-01-31", null, "A"), "author-1")).value();
        assertEquals(2, moved.version(), "another date is a change");
    }

    @Test
    void publishingADraftPublishesItNowUnlessItHasADateOfItsOwn() {
        Post draft = (Post) assertInstanceOf(Outcome.Done.class, at(WEEK_AGO).create(post("Utkast", null, "draft"), "author-1", Optional.empty())).value();
        assertFalse(draft.summary().dated(), "begun, not dated");
        Post published = (Post) assertInstanceOf(Outcome.Done.class, service.edit(draft, post("Utkast", null, "published"), "author-1")).value();
        assertEquals(NOW, published.summary().publishedAt(), "without a date: now, not buried at the day it was begun");
        assertTrue(published.summary().dated());
        // A date the author gave (even the draft's own) is kept, not thrown away for now; and left out of the edit as
        // the form shows it (empty), it is used when it is to come.
        Post backDated = created(post("Bakdaterat", "2024-01-15", "draft"));
        Post kept = (Post) assertInstanceOf(Outcome.Done.class, service.edit(backDated, post("Bakdaterat", null, "published"), "author-1")).value();
        assertEquals(Instant.parse("2024-01-14T23:00:00Z"), kept.summary().publishedAt());
        Post scheduledDraft = created(post("Planerat", "2030-01-01", "draft"));
        Post scheduled = (Post) assertInstanceOf(Outcome.Done.class, service.edit(scheduledDraft, post("Planerat", null, "published"), "author-1")).value();
        assertEquals(Instant.parse("2029-12-31T23:00:00Z"), scheduled.summary().publishedAt());
    }

    @Test
    void aDeleteWithAnOldVersionIsRefusedAndWithoutOneItWins() {
        Post p = created(post("Radera", null, null));
        var stale = assertInstanceOf(Outcome.Refused.class, service.delete("radera", Optional.of(Seen.atVersion(p.version() + 1)), "author-1"));
        assertInstanceOf(Refusal.Stale.class, stale.refusal());
        assertInstanceOf(Outcome.Done.class, service.delete("radera", Optional.empty(), "author-1"));
        assertInstanceOf(Outcome.Refused.class, service.get("radera", Optional.of("author-1")));
    }

    @Test
    void anAuthorsOwnListHoldsOnlyTheirPosts() {
        created(post("Mitt utkast", null, "draft"));
        created(post("Publicerat", null, null));
        var mine = (Page<?>) assertInstanceOf(Outcome.Done.class, service.authorPosts("author-1", Optional.empty(), 20, Optional.empty())).value();
        assertEquals(2, mine.items().size());
        var theirs = (Page<?>) assertInstanceOf(Outcome.Done.class, service.authorPosts("author-2", Optional.empty(), 20, Optional.empty())).value();
        assertEquals(List.of(), theirs.items());
    }

    static <T> T done(Outcome<T> outcome) {
        @SuppressWarnings("unchecked")
        T value = (T) assertInstanceOf(Outcome.Done.class, outcome).value();
        return value;
    }

    static Refusal refused(Outcome<?> outcome) {
        return assertInstanceOf(Outcome.Refused.class, outcome).refusal();
    }

    @Test
    void onlyThePostsAuthorMayEditDeleteTagOrPublishIt() {
        Post p = created(post("Åsas inlägg", "2019-01-30", null, "Frivård"));
        assertInstanceOf(Refusal.Forbidden.class, refused(service.edit(p, post("Kapad rubrik", null, null), "author-2")));
        assertInstanceOf(Refusal.Forbidden.class, refused(service.delete("asas-inlagg", Optional.empty(), "author-2")));
        assertInstanceOf(Refusal.Forbidden.class, refused(service.addTags("asas-inlagg", List.of("Kapat"), Optional.empty(), "author-2")));
        assertInstanceOf(Refusal.Forbidden.class, refused(service.removeTag("asas-inlagg", "frivard", Optional.empty(), "author-2")));
        assertInstanceOf(Refusal.Forbidden.class, refused(service.unpublish("asas-inlagg", "author-2", Optional.empty())));
        assertInstanceOf(Refusal.Forbidden.class, refused(service.getToChange("asas-inlagg", "author-2")));
        assertEquals(1, done(service.get("asas-inlagg", Optional.empty())).version(), "nothing changed");
        assertEquals(0, repository.writes - 1, "only the create wrote");
    }

    @Test
    void anotherAuthorsDraftIsNotFoundRatherThanForbidden() {
        created(post("Hemligt utkast", null, "draft"));
        assertInstanceOf(Refusal.NotFound.class, refused(service.publish("hemligt-utkast", "author-2", Optional.empty(), Optional.empty())));
        assertInstanceOf(Refusal.NotFound.class, refused(service.getToChange("hemligt-utkast", "author-2")));
    }

    @Test
    void aDateEmptiedIsNow() {
        // A dated draft whose date is emptied is no longer dated (at the moment of that save), or publishing it days later
        // would back-date it; a scheduled post's date emptied is no schedule.
        Post dated = created(post("Planerat utkast", "2030-01-01", "draft"));
        Post emptied = (Post) assertInstanceOf(Outcome.Done.class, at(WEEK_AGO.plus(Duration.ofDays(1)))
                .edit(dated, post("Planerat utkast", "", "draft"), "author-1")).value();
        assertFalse(emptied.summary().dated(), "no date of its own");
        PostSummary published = done(service.publish("planerat-utkast", "author-1", Optional.empty(), Optional.empty()));
        assertEquals(NOW, published.publishedAt(), "published now, not at the save that emptied it");

        Post scheduled = created(post("Schemalagt inlägg", "2030-01-01", null));
        Post now = (Post) assertInstanceOf(Outcome.Done.class, service.edit(scheduled, post("Schemalagt inlägg", "", null), "author-1")).value();
        assertEquals(NOW, now.summary().publishedAt(), "its date taken away: published now");
        Post old = created(post("Gammalt inlägg", "2019-01-30", null));
        Post kept = (Post) assertInstanceOf(Outcome.Done.class, service.edit(old, post("Gammalt inlägg", "", null), "author-1")).value();
        assertEquals(old.summary().publishedAt(), kept.summary().publishedAt(), "a published post's date readers have seen stays");
    }

    @Test
    void aScheduledPostTakenBackBeforeItsTimeHasNoDateOfItsOwn() {
        // Taken back before it went out and published "now" a month later, it goes out now, not under its old date.
        created(post("Tillbakadraget", "2026-11-23", null));
        PostSummary back = done(service.unpublish("tillbakadraget", "author-1", Optional.empty()));
        assertFalse(back.dated());
        assertEquals(NOW, back.publishedAt(), "dated when taken back, not at the time to come it was scheduled for (integrator's probe)");
        Post scheduled = created(post("Tillbaka med en ändring", "2026-12-24", null));
        Post edited = (Post) assertInstanceOf(Outcome.Done.class,
                service.edit(scheduled, post("Tillbaka med en ändring", null, "draft"), "author-1")).value();
        assertFalse(edited.summary().dated());
        assertEquals(NOW, edited.summary().publishedAt(), "so through an edit to draft too");
        Instant monthLater = NOW.plus(Duration.ofDays(30));
        PostSummary again = done(at(monthLater).publish("tillbakadraget", "author-1", Optional.empty(), Optional.empty()));
        assertEquals(monthLater, again.publishedAt());
    }

    @Test
    void publishingNowSchedulingAndTakingBackToDraft() {
        Post draft = (Post) assertInstanceOf(Outcome.Done.class, at(WEEK_AGO).create(post("Om fika", null, "draft"), "author-1", Optional.empty())).value();
        assertEquals(1, draft.version(), "a new draft");
        PostSummary now = done(service.publish("om-fika", "author-1", Optional.empty(), Optional.of(Seen.atVersion(draft.version()))));
        assertEquals(Status.PUBLISHED, now.status());
        // A new version, so a client holding the draft's ETag is told the post changed (a publish is a change like an edit).
        assertEquals(2, now.version(), "publishing a version-1 draft makes version 2");
        assertEquals(NOW, now.publishedAt(), "published now, not buried at the day it was begun");
        assertTrue(now.visibleAt(NOW));

        PostSummary back = done(service.unpublish("om-fika", "author-1", Optional.of(Seen.atVersion(now.version()))));
        assertEquals(Status.DRAFT, back.status());
        assertFalse(back.visibleAt(NOW));
        assertTrue(back.dated(), "its publication's date stays its own");

        // A post taken back to mend it comes back, days later, with its date, not as news at the top of the feed.
        PostService daysLater = at(NOW.plus(Duration.ofDays(3)));
        PostSummary again = done(daysLater.publish("om-fika", "author-1", Optional.empty(), Optional.of(Seen.atVersion(back.version()))));
        assertEquals(NOW, again.publishedAt(), "published again with its own date");
        assertTrue(again.visibleAt(NOW.plus(Duration.ofDays(3))));
        back = done(daysLater.unpublish("om-fika", "author-1", Optional.of(Seen.atVersion(again.version()))));

        Instant later = Instant.parse("2026-12-24T14:00:00Z");
        PostSummary scheduled = done(service.publish("om-fika", "author-1", Optional.of(later), Optional.of(Seen.atVersion(back.version()))));
        assertEquals(later, scheduled.publishedAt());
        assertFalse(scheduled.visibleAt(NOW), "scheduled: not yet");
        assertTrue(scheduled.visibleAt(later));
    }

    /**
     * "Publicera nu" on a scheduled post publishes it now: it is published already, but readers cannot see it yet, so it
     * is not the second click that changes nothing.
     */
    @Test
    void aScheduledPostPublishedNowGoesOutNow() {
        Post scheduled = created(post("Julhälsning", "2026-12-24", null));
        assertFalse(scheduled.summary().visibleAt(NOW), "scheduled");
        PostSummary now = done(service.publish("julhalsning", "author-1", Optional.empty(), Optional.empty()));
        assertEquals(NOW, now.publishedAt());
        assertTrue(now.visibleAt(NOW), "readers see it now, not on Christmas Eve");
        assertEquals(scheduled.version() + 1, now.version());
    }

    /** A post published, or scheduled, at one moment and published at another moves to it: a new time is a change. */
    @Test
    void aPostPublishedAtAnotherMomentMovesToIt() {
        created(post("Omplanerat", "2026-12-24", null));
        Instant newYear = Instant.parse("2026-12-31T23:00:00Z");
        PostSummary moved = done(service.publish("omplanerat", "author-1", Optional.of(newYear), Optional.empty()));
        assertEquals(newYear, moved.publishedAt());
        assertFalse(moved.visibleAt(Instant.parse("2026-12-25T12:00:00Z")), "not on Christmas Day any more");
    }

    /**
     * A draft dated in days to come, published now, goes out now: only a past date of its own (a post taken back to
     * mend) is kept; a time to come would leave the author's "Publicera nu" scheduled.
     */
    @Test
    void aDraftDatedInDaysToComePublishedNowGoesOutNow() {
        Post draft = created(post("Daterat utkast", "2030-01-01", "draft"));
        assertTrue(draft.summary().dated());
        PostSummary published = done(service.publish("daterat-utkast", "author-1", Optional.empty(), Optional.empty()));
        assertEquals(NOW, published.publishedAt());
        assertTrue(published.visibleAt(NOW));
    }

    @Test
    void aSecondClickOnPublishOrUnpublishChangesNothingAndIsNoConflict() {
        Post draft = created(post("Dubbelklick", null, "draft"));
        PostSummary first = done(service.publish("dubbelklick", "author-1", Optional.empty(), Optional.of(Seen.atVersion(draft.version()))));
        int writes = repository.writes;
        PostSummary second = done(service.publish("dubbelklick", "author-1", Optional.empty(), Optional.of(Seen.atVersion(draft.version()))));
        assertEquals(first.version(), second.version());
        assertEquals(writes, repository.writes);
        done(service.unpublish("dubbelklick", "author-1", Optional.of(Seen.atVersion(first.version()))));
        writes = repository.writes;
        done(service.unpublish("dubbelklick", "author-1", Optional.of(Seen.atVersion(first.version()))));
        assertEquals(writes, repository.writes);
    }

    @Test
    void publishingWhatChangedSinceThePreviewIsRefusedAsStale() {
        Post draft = created(post("Förhandsgranskat", null, "draft"));
        done(service.edit(draft, post("Ändrat i en annan flik", null, "draft"), "author-1"));
        assertInstanceOf(Refusal.Stale.class, refused(service.publish("forhandsgranskat", "author-1", Optional.empty(),
                Optional.of(Seen.atVersion(draft.version())))));
        assertEquals(Status.DRAFT, done(service.get("forhandsgranskat", Optional.of("author-1"))).summary().status());
    }

    @Test
    void theSameWordsSavedTwiceAreNoConflict() {
        Post p = created(post("Samma ord", "2019-01-30", null, "A"));
        assertTrue(service.alreadySays(p, post("Samma ord", "2019-01-30", null, "A")));
        assertTrue(service.alreadySays(p, post("Samma ord", null, null, "A")), "no date typed keeps the stored one");
        assertFalse(service.alreadySays(p, post("Andra ord", "2019-01-30", null, "A")));
        assertFalse(service.alreadySays(p, post("Samma ord", "2019-01-30", "draft", "A")));
        assertFalse(service.alreadySays(p, post("", "2019-01-30", null, "A")), "a draft the rules refuse says nothing");
    }

    @Test
    void anUploadedPictureReplacedByAnotherIsLetGoOnlyAfterTheWriteCommitted() {
        Post p = created(post("Med bild", null, null));
        Image first = Image.stored("a".repeat(26) + ".jpg", "Deltagarna", Optional.empty(), SIZE);
        Post withFirst = done(service.attachImage(p, "author-1", first));
        assertEquals(Optional.of(first.asSavedIn(p.version() + 1)), withFirst.summary().image(), "with the version its save wrote");
        assertEquals(List.of(), files, "nothing was dropped");

        Image second = Image.stored("b".repeat(26) + ".png", "Mötesbordet", Optional.of("Foto: Åsa"), SIZE);
        repository.staleAnswersLeft.set(1);
        assertInstanceOf(Refusal.Stale.class, refused(service.attachImage(withFirst, "author-1", second)));
        assertEquals(List.of(), files, "a write that did not happen leaves the picture as it was");

        files.clear();
        Post withSecond = done(service.attachImage(withFirst, "author-1", second));
        assertEquals(List.of("discard aaaaaaaaaaaaaaaaaaaaaaaaaa.jpg"), files, "deleted once the write committed, nothing done before");
        assertEquals(Optional.of(second.asSavedIn(withFirst.version() + 1)), withSecond.summary().image());
    }

    /**
     * The old file is not marked for the lifecycle before the write: a write that never ran to its end (a timeout in
     * between) would leave a picture its post still shows to be taken two days later.
     */
    @Test
    void aWriteWhoseFateIsUnknownNeverTakesAPictureThePostStillShows() {
        Post p = created(post("Bild kvar", null, null));
        Image first = Image.stored("g".repeat(26) + ".jpg", "Bild", Optional.empty(), SIZE);
        Post withFirst = done(service.attachImage(p, "author-1", first));
        Image second = Image.stored("h".repeat(26) + ".jpg", "Ny bild", Optional.empty(), SIZE);
        repository.nextUpdateThrows = new IllegalStateException("anslutningen bröts");
        assertThrows(IllegalStateException.class, () -> service.attachImage(withFirst, "author-1", second));
        assertEquals(List.of(), files, "the post still shows it: nothing was done to its file");
        assertEquals(Optional.of(first.asSavedIn(p.version() + 1)), done(service.get("bild-kvar", Optional.of("author-1"))).summary().image());
    }

    @Test
    void anAttachOnThePostAsItWasBeforeAChangeIsRefusedAndChangesNothing() {
        Post p = created(post("Gammal version", null, null));
        Post edited = done(service.edit(p, post("Gammal version, ny rubrik", null, null), "author-1"));
        Image picture = Image.stored("c".repeat(26) + ".webp", "Bild", Optional.empty(), SIZE);
        assertInstanceOf(Refusal.Stale.class, refused(service.attachImage(p, "author-1", picture)));
        var now = done(service.get("gammal-version", Optional.empty())).summary();
        assertEquals(Optional.empty(), now.image());
        assertEquals(edited.version(), now.version());
        assertInstanceOf(Refusal.Forbidden.class, refused(service.attachImage(edited, "author-2", picture)));
    }

    @Test
    void anEditKeepsTheOwnPictureWithItsSizeButNoOtherAddressOfTheSite() {
        Post p = created(post("Egen bild", null, null));
        Image own = Image.stored("d".repeat(26) + ".jpg", "Deltagarna", Optional.empty(), SIZE);
        Post withImage = done(service.attachImage(p, "author-1", own));
        Post edited = done(service.edit(withImage, withImage(post("Egen bild, ny rubrik", null, null), own.url(), "Ny alt-text"), "author-1"));
        assertEquals(Optional.of(SIZE), edited.summary().image().flatMap(Image::size));
        assertEquals("Ny alt-text", edited.summary().image().get().alt());
        assertEquals(List.of(), files);

        var foreign = refused(service.edit(edited, withImage(post("Egen bild", null, null), "/images/" + "e".repeat(26) + ".jpg", "Stulen"), "author-1"));
        assertEquals("image.url", ((Refusal.Invalid) foreign).errors().getFirst().field());
        var noAlt = refused(service.edit(edited, withImage(post("Egen bild", null, null), own.url(), ""), "author-1"));
        assertEquals("image.alt", ((Refusal.Invalid) noAlt).errors().getFirst().field());

        done(service.edit(edited, post("Egen bild utan bild", null, null), "author-1"));
        assertEquals(List.of("discard " + own.storedName().get()), files);
    }

    @Test
    void deletingAPostLetsItsPictureGo() {
        Post p = created(post("Radera med bild", null, null));
        Image own = Image.stored("f".repeat(26) + ".png", "Bild", Optional.empty(), SIZE);
        done(service.attachImage(p, "author-1", own));
        done(service.delete("radera-med-bild", Optional.empty(), "author-1"));
        assertEquals(List.of("discard " + own.storedName().get()), files);
    }

    static PostDraft withImage(PostDraft d, String url, String alt) {
        return new PostDraft(d.title(), d.body(), d.authorName(), d.authorRole(), d.authorOffice(), d.tags(), d.publishedAt(),
                Optional.of(url), Optional.of(alt), Optional.empty(), d.excerpt(), d.status());
    }

    /** What an edit sent with If-Match: * does: its caller composes it again from a fresh read while it loses a race. */
    @Test
    void aChangeItsCallerComposesIsAttemptedAgainWhileItLosesARaceThenBusy() {
        var attempts = new AtomicInteger();
        Outcome<String> landed = service.retryingLostRaces(() -> attempts.incrementAndGet() < 3 ? Outcome.refused(new Refusal.Stale()) : Outcome.done("ok"));
        assertEquals("ok", ((Outcome.Done<String>) landed).value());
        assertEquals(3, attempts.get());
        attempts.set(0);
        Outcome<String> gone = service.retryingLostRaces(() -> {
            attempts.incrementAndGet();
            return Outcome.refused(new Refusal.NotFound(Refusal.Missing.POST));
        });
        assertInstanceOf(Refusal.NotFound.class, ((Outcome.Refused<String>) gone).refusal());
        assertEquals(1, attempts.get(), "only a lost race is attempted again");
        var noBudget = new PostService(repository, service.time(), Duration.ZERO);
        Outcome<String> never = noBudget.retryingLostRaces(() -> Outcome.refused(new Refusal.Stale()));
        assertInstanceOf(Refusal.Busy.class, ((Outcome.Refused<String>) never).refusal(), "busy once the budget is spent, not 412");
    }
}
