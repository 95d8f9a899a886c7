package se.inlagg.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostServiceTest {

    final InMemoryPosts repository = new InMemoryPosts();
    final PostService service = new PostService(repository, new SiteTime(ZoneId.of("Europe/Stockholm"),
            Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneId.of("UTC"))));

    static PostDraft post(String title, String publishedAt, String status, String... tags) {
        return new PostDraft(Optional.of(title), Optional.of("Brödtext."), Optional.of("Åsa Öberg"),
                Optional.of("Frivårdsinspektör"), Optional.of("Malmö"), List.of(tags), Optional.ofNullable(publishedAt),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.ofNullable(status));
    }

    Post created(PostDraft draft) {
        return (Post) assertInstanceOf(Outcome.Done.class, service.create(draft, "author-1")).value();
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
    }

    @Test
    void aStaleWriteIsRetriedFromAFreshRead() {
        created(post("Omförsök", null, null, "A"));
        repository.staleAnswersLeft.set(3);
        var outcome = service.addTags("omforsok", List.of("B"));
        var summary = (PostSummary) assertInstanceOf(Outcome.Done.class, outcome).value();
        assertEquals(List.of("a", "b"), summary.tags().stream().map(Tag::slug).toList());
        assertEquals(2, summary.version());
    }

    @Test
    void writersThatNeverWinGetBusyNotAnError() {
        created(post("Trängsel", null, null));
        repository.staleAnswersLeft.set(PostService.MAX_ATTEMPTS);
        var refused = assertInstanceOf(Outcome.Refused.class, service.addTags("trangsel", List.of("B")));
        assertInstanceOf(Refusal.Busy.class, refused.refusal());
    }

    @Test
    void addingTagsAPostAlreadyHasChangesNothing() {
        created(post("Oförändrad", null, null, "Frivård"));
        int writes = repository.writes;
        var summary = (PostSummary) assertInstanceOf(Outcome.Done.class, service.addTags("oforandrad", List.of("frivard"))).value();
        assertEquals(1, summary.version());
        assertEquals(writes, repository.writes);
    }

    @Test
    void removingATagThePostLacksIsNotFound() {
        created(post("Utan etikett", null, null));
        var refused = assertInstanceOf(Outcome.Refused.class, service.removeTag("utan-etikett", "frivard"));
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
    void aTagIsFoundByItsSlugOrByItsName() {
        created(post("Etiketter", null, null, "Klientens bästa"));
        assertEquals(Optional.of(new Tag("klientens-basta", "Klientens bästa")), service.findTag("Klientens bästa"));
        assertEquals(Optional.of(new Tag("klientens-basta", "Klientens bästa")), service.findTag("klientens-basta"));
        assertEquals(Optional.empty(), service.findTag("??"));
    }
}
