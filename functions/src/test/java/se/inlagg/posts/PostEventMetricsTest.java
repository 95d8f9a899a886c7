package se.inlagg.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.inlagg.http.TestContext;
import se.inlagg.json.Json;
import se.inlagg.ops.Invocation;

/** PostsCreated and PostsPublished count real writes: one each per post, never a replay or a refusal. */
class PostEventMetricsTest {

    final InMemoryPosts repository = new InMemoryPosts();
    final PostService service = new PostService(repository, new SiteTime(ZoneId.of("Europe/Stockholm"),
            Clock.fixed(PostServiceTest.NOW, ZoneId.of("UTC"))), Duration.ofMillis(300));
    final TestContext context = new TestContext();
    Invocation.Scope scope;

    @BeforeEach
    void begin() {
        scope = Invocation.begin(context, "POST /api/posts", "r-1");
    }

    @AfterEach
    void end() {
        scope.close();
    }

    /** How many EMF lines so far count this metric, each checked to be declared in its own directive. */
    int counted(String metric) {
        int n = 0;
        for (String raw : context.logs().lines().filter(l -> !l.isBlank()).toList()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> line = (Map<String, Object>) Json.read(raw);
            if (line.containsKey(metric)) {
                assertEquals(1, line.get(metric));
                assertEquals("TestFunction", line.get("Function"), "the dimension names the function");
                assertEquals(true, Json.write(line.get("_aws")).contains("\"Name\":\"" + metric + "\""), raw);
                n++;
            }
        }
        return n;
    }

    Post create(String title, String status, Optional<IdempotentRequest> request) {
        return (Post) assertInstanceOf(Outcome.Done.class,
                service.create(PostServiceTest.post(title, null, status), "author-1", request)).value();
    }

    @Test
    void aPublishedPostIsCountedAsCreatedAndPublishedOnceAndItsReplayNotAtAll() {
        var request = Optional.of(new IdempotentRequest("nyckel", "begäran"));
        create("Månadsmöte i Ystad", null, request);
        create("Månadsmöte i Ystad", null, request);
        assertEquals(1, repository.writes, "the second was a replay");
        assertEquals(1, counted("PostsCreated"));
        assertEquals(1, counted("PostsPublished"));
    }

    @Test
    void aDraftIsCreatedButNotPublishedUntilAnEditPublishesIt() {
        Post draft = create("Utkast om fika", "draft", Optional.empty());
        assertEquals(1, counted("PostsCreated"));
        assertEquals(0, counted("PostsPublished"));

        Post stillDraft = (Post) assertInstanceOf(Outcome.Done.class,
                service.edit(draft, PostServiceTest.post("Utkast om fika i Malmö", null, "draft"), "author-1")).value();
        assertEquals(0, counted("PostsPublished"), "an edit that keeps it a draft publishes nothing");

        Post published = (Post) assertInstanceOf(Outcome.Done.class,
                service.edit(stillDraft, PostServiceTest.post("Fika i Malmö", null, "published"), "author-1")).value();
        assertEquals(1, counted("PostsPublished"));

        service.edit(published, PostServiceTest.post("Fika i Malmö och Lund", null, "published"), "author-1");
        assertEquals(1, counted("PostsPublished"), "editing a published post publishes nothing again");
        assertEquals(1, counted("PostsCreated"), "edits create nothing");
    }

    @Test
    void aPublishingEditThatLosesTheRaceCountsNothing() {
        Post draft = create("Omstritt utkast", "draft", Optional.empty());
        repository.staleAnswersLeft.set(1);
        var refused = assertInstanceOf(Outcome.Refused.class,
                service.edit(draft, PostServiceTest.post("Omstritt", null, "published"), "author-1"));
        assertInstanceOf(Refusal.Stale.class, refused.refusal());
        assertEquals(0, counted("PostsPublished"));
    }
}
