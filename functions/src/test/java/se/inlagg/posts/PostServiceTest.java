package se.inlagg.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostServiceTest {

    static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    final InMemoryPosts repository = new InMemoryPosts();
    final PostService service = new PostService(repository, new SiteTime(ZoneId.of("Europe/Stockholm"),
            Clock.fixed(NOW, ZoneId.of("UTC"))), Duration.ofMillis(300));

    static PostDraft post(String title, String publishedAt, String status, String... tags) {
        return new PostDraft(Optional.of(title), Optional.of("Brödtext."), Optional.of("Åsa Öberg"),
                Optional.of("Frivårdsinspektör"), Optional.of("Malmö"), List.of(tags), Optional.ofNullable(publishedAt),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.ofNullable(status));
    }

    Post created(PostDraft draft) {
        return (Post) assertInstanceOf(Outcome.Done.class, service.create(draft, "author-1", Optional.empty())).value();
    }

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
        int before = repository.calls;
        created(post("Månadsmöte", null, null));
        int first = repository.calls - before;
        for (int i = 2; i < 40; i++) {
            created(post("Månadsmöte", null, null));
        }
        before = repository.calls;
        Post fortieth = created(post("Månadsmöte", null, null));
        assertEquals("manadsmote-40", fortieth.slug());
        assertEquals(first, repository.calls - before);
    }

    @Test
    void aStaleWriteIsRetriedFromAFreshRead() {
        created(post("Omförsök", null, null, "A"));
        repository.staleAnswersLeft.set(3);
        var outcome = service.addTags("omforsok", List.of("B"), "author-1");
        var summary = (PostSummary) assertInstanceOf(Outcome.Done.class, outcome).value();
        assertEquals(List.of("a", "b"), summary.tags().stream().map(Tag::slug).toList());
        assertEquals(2, summary.version());
    }

    @Test
    void writersThatNeverWinGetBusyNotAnError() {
        created(post("Trängsel", null, null));
        repository.staleAnswersLeft.set(Integer.MAX_VALUE);
        var refused = assertInstanceOf(Outcome.Refused.class, service.addTags("trangsel", List.of("B"), "author-1"));
        assertInstanceOf(Refusal.Busy.class, refused.refusal());
    }

    @Test
    void addingTagsAPostAlreadyHasChangesNothing() {
        created(post("Oförändrad", null, null, "Frivård"));
        int writes = repository.writes;
        var summary = (PostSummary) assertInstanceOf(Outcome.Done.class, service.addTags("oforandrad", List.of("frivard"), "author-1")).value();
        assertEquals(1, summary.version());
        assertEquals(writes, repository.writes);
    }

    @Test
    void removingATagThePostLacksIsNotFound() {
        created(post("Utan etikett", null, null));
        var refused = assertInstanceOf(Outcome.Refused.class, service.removeTag("utan-etikett", "frivard", "author-1"));
        assertInstanceOf(Refusal.NotFound.class, refused.refusal());
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
    void aRetriedCreateWithTheSameKeyAnswersTheFirstPost() {
        var request = new IdempotentRequest("key-hash", "request-hash");
        Post first = (Post) assertInstanceOf(Outcome.Done.class, service.create(post("Nyckel", null, null), "author-1", Optional.of(request))).value();
        Post again = (Post) assertInstanceOf(Outcome.Done.class, service.create(post("Nyckel", null, null), "author-1", Optional.of(request))).value();
        assertEquals(first.id(), again.id());
        assertEquals(1, repository.bySlug.size());
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
        Post edited = (Post) assertInstanceOf(Outcome.Done.class, service.edit(p, post("Ny rubrik", "2019-01-30", null, "B"))).value();
        assertEquals("gammal-rubrik", edited.slug());
        assertEquals("Ny rubrik", edited.summary().title());
        assertEquals(2, edited.version());
        assertEquals(NOW, edited.summary().updatedAt());
        var stale = assertInstanceOf(Outcome.Refused.class, service.edit(p, post("Tredje", null, null)));
        assertInstanceOf(Refusal.Stale.class, stale.refusal());
    }

    @Test
    void publishingADraftPublishesItNowUnlessItIsScheduled() {
        Post draft = created(post("Utkast", "2019-01-30", "draft"));
        Post published = (Post) assertInstanceOf(Outcome.Done.class, service.edit(draft, post("Utkast", "2019-01-30T00:00:00+01:00", "published"))).value();
        assertEquals(NOW, published.summary().publishedAt());
        Post scheduledDraft = created(post("Planerat", "2030-01-01", "draft"));
        Post scheduled = (Post) assertInstanceOf(Outcome.Done.class, service.edit(scheduledDraft, post("Planerat", "2030-01-01", "published"))).value();
        assertEquals(Instant.parse("2029-12-31T23:00:00Z"), scheduled.summary().publishedAt());
    }

    @Test
    void aDeleteWithAnOldVersionIsRefusedAndWithoutOneItWins() {
        Post p = created(post("Radera", null, null));
        var stale = assertInstanceOf(Outcome.Refused.class, service.delete("radera", Optional.of(p.version() + 1), Optional.of("author-1")));
        assertInstanceOf(Refusal.Stale.class, stale.refusal());
        assertInstanceOf(Outcome.Done.class, service.delete("radera", Optional.empty(), Optional.of("author-1")));
        assertInstanceOf(Outcome.Refused.class, service.get("radera", Optional.of("author-1")));
    }

    @Test
    void anAuthorsOwnListHoldsOnlyTheirPosts() {
        created(post("Mitt utkast", null, "draft"));
        created(post("Publicerat", null, null));
        var mine = (Page<?>) assertInstanceOf(Outcome.Done.class, service.authorPosts("author-1", 20, Optional.empty())).value();
        assertEquals(2, mine.items().size());
        var theirs = (Page<?>) assertInstanceOf(Outcome.Done.class, service.authorPosts("author-2", 20, Optional.empty())).value();
        assertEquals(List.of(), theirs.items());
    }
}
