package se.inlagg.local;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import se.inlagg.config.Settings;
import se.inlagg.posts.Ids;
import se.inlagg.posts.ImageFiles;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostDraft;
import se.inlagg.posts.PostRepository;
import se.inlagg.posts.PostService;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.SiteTime;
import se.inlagg.store.DynamoPostRepository;
import se.inlagg.store.Table;
import se.inlagg.store.Transactions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Posts as the service made them before a post's id was named by its slug (posts.Ids.ofSlug): each
 * with a random id, which only the slug's claim leads to. Every table created before that change
 * holds such posts, and every function that reads a post by its slug must still find, change and
 * delete them.
 */
final class LegacyPosts {

    private LegacyPosts() {
    }

    /** The service, writing to this table, giving every new post a random id. */
    static PostService service(DynamoDbClient client, Settings settings) {
        var time = new SiteTime(settings.siteZone(), Clock.systemUTC());
        var real = new DynamoPostRepository(new Table(settings.tableName(), client), new Transactions(client, Duration.ofSeconds(5)), time);
        var randomIds = Intercepted.of(PostRepository.class, real).replace("create", call -> {
            Post p = (Post) call.request();
            PostSummary s = p.summary();
            return call.proceedWith(new Post(new PostSummary(Ids.newId(), s.slug(), s.title(), s.excerpt(), s.author(), s.tags(), s.image(),
                    s.status(), s.publishedAt(), s.dated(), s.updatedAt(), s.version(), s.authorId()), p.body(), p.bodyHtml()));
        }).client();
        return new PostService(randomIds, time, Duration.ofSeconds(5), ImageFiles.NONE);
    }

    /** A published post with a random id, by this author, in the category Frivård. */
    static Post create(PostService legacy, String title, String authorId) {
        var made = legacy.create(draft(title), authorId, Optional.empty());
        if (!(made instanceof Outcome.Done<Post> done) || done.value().id().equals(Ids.ofSlug(done.value().slug()))) {
            throw new AssertionError("no post with a random id: " + made);
        }
        return done.value();
    }

    /** A published post with a title, a byline, a body with Markdown and the category Frivård. */
    static PostDraft draft(String title) {
        return new PostDraft(Optional.of(title), Optional.of("Text med **fetstil**."), Optional.of("Åsa Öberg"), Optional.empty(),
                Optional.empty(), List.of("Frivård"), Optional.of("2019-01-30"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("published"));
    }
}
