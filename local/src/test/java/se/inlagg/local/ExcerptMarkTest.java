package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.inlagg.local.ScheduledCountsTest.done;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.inlagg.posts.ExcerptOrigin;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostDraft;
import se.inlagg.posts.PostService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The edit form shows an excerpt made from the text empty, and learns which it is from the mark stored with the text
 * (ExcerptOrigin), not by reading the text as Markdown. Whatever write came last (a create, an edit of the excerpt
 * alone, a category added, which writes no body item), the post the form reads carries the mark for its excerpt and
 * text as read, and so does each earlier version. On DynamoDB (embedded, or LocalStack with -Dinlagg.backend=localstack),
 * as the functions write and read them.
 */
class ExcerptMarkTest {

    static final String TABLE = "PostsTable-ExcerptMark";
    static final String AUTHOR = "5ad2042c-f7f5-47ac-98da-d4ede0d324ab";
    static final String TEXT = "Månadsmötet i **Ystad** flyttas till torsdag.\n\nVi ses i stora salen.";

    @TempDir
    Path data;

    @Test
    void thePostTheFormReadsCarriesTheMarkForItsExcerptAfterEveryWrite() throws Exception {
        try (var dynamo = DynamoForTests.start(data); DynamoDbClient client = dynamo.client()) {
            dynamo.createTable(TABLE);
            PostService posts = Wirings.on(client, TABLE).posts();
            Post created = done(posts.create(draft(TEXT, Optional.empty()), AUTHOR, Optional.empty()));
            Post read = marked(posts.getToChange(created.slug(), AUTHOR), true, "created with none");

            done(posts.edit(read, draft(TEXT, Optional.of("Nytt datum för mötet.")), AUTHOR));
            read = marked(posts.getToChange(read.slug(), AUTHOR), false, "after an edit of the excerpt alone");
            done(posts.addTags(read.slug(), List.of("Möten"), Optional.empty(), AUTHOR));
            read = marked(posts.getToChange(read.slug(), AUTHOR), false, "after a category, which writes the post item alone");
            assertEquals(List.of("Fest", "Möten"), read.summary().tags().stream().map(t -> t.name()).toList());

            done(posts.edit(read, draft(TEXT + "\n\nKaffe finns.", Optional.empty()), AUTHOR));
            read = marked(posts.getToChange(read.slug(), AUTHOR), true, "after a new text, no excerpt given");
            // Version 2 (the excerpt's edit) was replaced by the category's write, which keeps no version: 3 is its words.
            Post ownExcerpt = done(posts.version(read, 3)).post();
            assertEquals("Nytt datum för mötet.", ownExcerpt.summary().excerpt());
            marked(ownExcerpt, false, "the version that had the author's own");
            marked(done(posts.version(read, 1)).post(), true, "the first version");
        }
    }

    private static Post marked(Outcome<Post> outcome, boolean fromText, String when) {
        return marked(done(outcome), fromText, when);
    }

    private static Post marked(Post post, boolean fromText, String when) {
        assertTrue(!post.excerptMark().isEmpty(), when + ": a mark read");
        assertEquals(ExcerptOrigin.mark(post.summary().excerpt(), post.body()), post.excerptMark(), when + ": for the excerpt and text read");
        assertEquals(fromText, post.excerptFromBody(), when);
        return post;
    }

    static PostDraft draft(String body, Optional<String> excerpt) {
        return new PostDraft(Optional.of("Månadsmöte i Ystad"), Optional.of(body), Optional.of("Åsa Öberg"), Optional.empty(),
                Optional.empty(), List.of("Fest"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), excerpt,
                Optional.of("published"));
    }
}
