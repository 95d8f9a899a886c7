package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import se.inlagg.app.Priming;
import se.inlagg.app.Wiring;
import se.inlagg.http.HttpFunction;
import se.inlagg.images.ImageType;
import se.inlagg.posts.Byline;
import se.inlagg.posts.Image;
import se.inlagg.posts.ListQuery;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.Page;
import se.inlagg.posts.Post;
import se.inlagg.posts.PostSummary;
import se.inlagg.search.S3IndexFiles;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * No local DynamoDB enforces IAM, so this holds each function's policy in template.yaml to what its
 * code calls: every function runs its scenarios through a recording client, and the actions it
 * used must be exactly the actions it is granted. No Scan, no wildcard, nothing unused.
 */
class LeastPrivilegeTest {

    static final String AUTHOR_TOKEN = "minst-behorighet-token";
    /** The sign-in form's token that signin.json carries in its cookie. */
    static final String SIGN_IN_FORM_TOKEN = "q7V2mW4rT8yZ1xC3vB5nM6aS9dF0gH2jK4lP7oI8uYt";
    static ServerExtension env;
    static Template template;
    static DynamoDbClient real;
    static String authorId;
    static final Map<String, RecordingDynamo> recorders = new TreeMap<>();
    static final Map<String, RecordingS3> buckets = new TreeMap<>();
    static final Map<String, FaultyDynamo> faults = new TreeMap<>();
    static final Map<String, RequestStreamHandler> handlers = new LinkedHashMap<>();
    static S3ForTests s3;
    static S3Client realS3;
    static String searchBucket;

    @BeforeAll
    static void start() throws Exception {
        env = new ServerExtension();
        template = Template.read(Repo.template());
        real = env.server.dynamoClient();
        var settings = Wirings.settings(env.server.tableName());
        authorId = new Wiring(real, settings, Clock.systemUTC()).authors()
                .create(new Byline("Åsa", Optional.empty(), Optional.empty()), AUTHOR_TOKEN, Instant.now()).id();
        LocalBucket bucket = env.server.bucket();
        s3 = S3ForTests.start();
        // A search bucket of the test's own: the server's indexer, fed by the same table's stream, keeps to the server's.
        searchBucket = s3.newBucket("least-privilege");
        realS3 = s3.client();
        for (var f : template.functions().values()) {
            RecordingDynamo recorder = new RecordingDynamo();
            recorders.put(f.id(), recorder);
            RecordingS3 recordingS3 = new RecordingS3();
            buckets.put(f.id(), recordingS3);
            // Injected failures reach the paths that give a picture back when a write does not happen.
            FaultyDynamo faulty = new FaultyDynamo();
            faults.put(f.id(), faulty);
            var images = recordingS3.bucket(bucket);
            Wiring wiring = Wiring.withBuckets(recorder.wrap(faulty.wrap(real, env.server.tableName())),
                    settings.withSearchBucket(searchBucket), Clock.systemUTC(), () -> Optional.of(images),
                    () -> new S3IndexFiles(recordingS3.searchIndex(realS3), searchBucket));
            handlers.put(f.id(), handler(f.handlerClass(), wiring));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (env != null) { // null when the set-up was skipped (no LocalStack here)
            real.close();
            env.close();
        }
        if (realS3 != null) {
            realS3.close();
        }
    }

    /** The function's handler as Lambda makes it, running on the recording client instead of the shared one. */
    static RequestStreamHandler handler(String className, Wiring wiring) throws Exception {
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(className).getConstructor().newInstance();
        handler.getClass().getMethod("use", Wiring.class).invoke(handler, wiring);
        return handler;
    }

    /** Invokes a function with an events/ file, changed first where a scenario needs it. */
    static int invoke(String functionId, String eventFile, Consumer<ObjectNode> change) throws Exception {
        JsonNode answer = call(functionId, eventFile, change);
        return answer.has("statusCode") ? answer.path("statusCode").asInt() : 200;
    }

    /** The function's whole answer (status, headers, body) to an events/ file, changed first. */
    static JsonNode call(String functionId, String eventFile, Consumer<ObjectNode> change) throws Exception {
        ObjectNode event = (ObjectNode) Http.JSON.readTree(Files.readString(Repo.events().resolve(eventFile)));
        if (event.path("requestContext").path("authorizer").has("lambda")) {
            ((ObjectNode) event.path("requestContext").path("authorizer").path("lambda")).put("authorId", authorId);
        }
        change.accept(event);
        var out = new ByteArrayOutputStream();
        handlers.get(functionId).handleRequest(new ByteArrayInputStream(event.toString().getBytes(StandardCharsets.UTF_8)),
                out, new LocalContext("least-privilege", functionId, System.currentTimeMillis() + 10_000));
        return Http.JSON.readTree(out.toByteArray());
    }

    static Consumer<ObjectNode> body(String json) {
        return e -> e.put("body", json);
    }

    static Consumer<ObjectNode> slug(String slug) {
        return e -> {
            ((ObjectNode) e.path("pathParameters")).put("slug", slug);
            e.put("rawPath", e.path("rawPath").asText().replace("manadsmote-samverkan-for-klientens-basta", slug));
        };
    }

    static Consumer<ObjectNode> header(String name, String value) {
        return e -> ((ObjectNode) e.path("headers")).put(name, value);
    }

    /** Every code path that reaches DynamoDB differently, function by function. */
    static void runScenarios() throws Exception {
        String first = "manadsmote-samverkan-for-klientens-basta";
        String second = first + "-2";
        assertEquals(201, invoke("CreatePostFunction", "create-post.json", e -> { }), "new tags: Put");
        assertEquals(201, invoke("CreatePostFunction", "create-post.json", e -> { }), "a retried key: read by id");
        assertEquals(201, invoke("CreatePostFunction", "create-post.json", header("idempotency-key", "andra-nyckeln")), "existing tags: Update");
        assertEquals(200, invoke("GetPostFunction", "get-post.json", e -> { }));
        assertEquals(200, invoke("GetPostFunction", "get-post.json", header("authorization", "Bearer " + AUTHOR_TOKEN)));
        assertEquals(200, invoke("ListPostsFunction", "list-posts.json", e -> { }));
        assertEquals(200, invoke("ListPostsFunction", "list-posts.json", e -> e.remove("queryStringParameters")));
        assertEquals(200, invoke("AddTagsFunction", "add-tags.json", e -> { }), "new tags");
        assertEquals(200, invoke("AddTagsFunction", "add-tags.json", slug(second)), "existing tags");
        assertEquals(200, invoke("ReplaceTagsFunction", "replace-tags.json", e -> { }));
        assertEquals(200, invoke("ReplaceTagsFunction", "replace-tags.json", slug(second).andThen(body("{\"tags\": [\"Frivård\", \"Helt ny kategori\"]}"))),
                "a category new to the post is looked up");
        assertEquals(200, invoke("RemoveTagFunction", "remove-tag.json", e -> { }));
        assertEquals(200, invoke("ListTagsFunction", "list-tags.json", e -> { }));
        assertEquals(200, invoke("EditPostFunction", "edit-post.json", e -> { }));
        assertEquals(200, invoke("EditPostFunction", "edit-post.json", body("{\"status\": \"draft\", \"tags\": [\"Frivård\", \"Ny i redigeringen\"]}")),
                "counts and entries move; a category new to the post is looked up");
        assertEquals(200, invoke("PublishPostFunction", "unpublish-post.json", slug(second)));
        assertEquals(200, invoke("PublishPostFunction", "publish-post.json", slug(second).andThen(body("{\"publishAt\": \"2031-01-01T09:00\"}"))),
                "scheduled into a month nobody has posted in yet");
        assertEquals(200, invoke("PublishPostFunction", "publish-post.json", slug(second).andThen(body("{}"))));
        assertEquals(200, invoke("MyPostsFunction", "my-posts.json", e -> { }));
        assertEquals(200, invoke("ProfileFunction", "get-profile.json", e -> { }));
        assertEquals(200, invoke("ProfileFunction", "put-profile.json", e -> { }));
        assertEquals(204, invoke("DeletePostFunction", "delete-post.json", slug(second)));
        assertEquals(200, invoke("AuthorizerFunction", "authorizer.json", e -> { }));
        runPageScenarios();
        for (String fallback : List.of("fallback-not-found.json", "fallback-tags-method.json")) {
            invoke("FallbackFunction", fallback, e -> { });
        }
    }

    /** The pages, with a real session where one is needed. */
    static void runPageScenarios() throws Exception {
        assertEquals(201, invoke("CreatePostFunction", "create-post.json", header("idempotency-key", "sidor")), "a visible post for the feeds");
        for (String page : List.of("page-home.json", "page-archive.json", "page-tag.json")) {
            assertEquals(200, invoke("ListPageFunction", page, e -> { }), page);
        }
        assertEquals(404, invoke("PostPageFunction", "page-post.json", e -> { }), "the edit scenario made it a draft: hidden from readers");
        assertEquals(200, invoke("FeedFunction", "feed.json", e -> { }));
        assertEquals(200, invoke("FeedFunction", "tag-feed.json", e -> { }));
        assertEquals(200, invoke("FeedFunction", "person-feed.json", e -> { }));
        assertEquals(200, invoke("FeedFunction", "office-feed.json", e -> { }));
        assertEquals(200, invoke("StylesheetFunction", "stylesheet.json", e -> { }));
        assertEquals(200, invoke("StylesheetFunction", "favicon.json", e -> { }));
        for (String page : List.of("page-categories.json", "page-archive-index.json", "page-people.json", "page-offices.json")) {
            assertEquals(200, invoke("FacetsPageFunction", page, e -> { }), page);
        }
        for (String file : List.of("sitemap.json", "sitemap-month.json", "robots.json")) {
            assertEquals(200, invoke("SitemapFunction", file, e -> { }), file);
        }
        var visible = env.wiredTo(real)
                .posts().list(ListQuery.newest(1));
        var newest = ((Outcome.Done<Page<PostSummary>>) visible).value().items().getFirst();
        assertEquals(200, invoke("PostPageFunction", "page-post.json", slug(newest.slug())), "a visible post: its neighbours and related posts");
        runSearchScenarios(newest.id());
        assertEquals(403, invoke("SignInFunction", "signin.json", e -> { }), "a wrong token");
        assertEquals(303, invoke("SignInFunction", "signin.json", formBody("csrf=" + SIGN_IN_FORM_TOKEN + "&token=" + AUTHOR_TOKEN)));
        var session = env.wiredTo(real)
                .sessions().signIn(AUTHOR_TOKEN, Instant.now()).orElseThrow();
        // Payload 2.0 moves the Cookie header into a cookies array.
        Consumer<ObjectNode> cookie = e -> e.putArray("cookies").add("__Host-inlagg_session=" + session.id());
        assertEquals(200, invoke("PostPageFunction", "page-post.json", cookie), "its author sees the draft");
        assertEquals(200, invoke("WriteFunction", "write-form.json", cookie));
        assertEquals(303, invoke("WriteFunction", "write.json", cookie.andThen(formBody(
                "csrf=" + session.session().csrf() + "&formId=lp-1&shown=sida-1&title=Minst+beh%C3%B6righet&body=Text&authorName=%C3%85sa&tags=Frivard%2C+Ny&action=publish"))));
        assertEquals(303, invoke("WriteFunction", "write.json", cookie.andThen(formBody(
                "csrf=" + session.session().csrf() + "&formId=lp-1&shown=sida-1&title=Minst+beh%C3%B6righet&body=Text&authorName=%C3%85sa&tags=Frivard%2C+Ny&action=publish"))),
                "a double submit answers the first post");
        assertEquals(303, invoke("WriteFunction", "write.json", cookie.andThen(formBody(
                "csrf=" + session.session().csrf() + "&formId=lp-1&shown=sida-1&title=Minst+beh%C3%B6righet+r%C3%A4ttad&body=Text&authorName=%C3%85sa"
                        + "&authorOffice=Ystad&tags=Annan&action=draft"))),
                "sent again with other words (back, a typo mended): the post it made is changed");
        assertEquals(200, invoke("DraftsPageFunction", "drafts.json", cookie));
        assertEquals(200, invoke("DraftsPageFunction", "drafts.json", cookie.andThen(rightAfter("published", "minst-behorighet"))),
                "right after a change of a post: that post read by its key");
        runPictureScenarios(cookie, session.session().csrf());
        runAuthoringScenarios(cookie, session.session().csrf());
        runLegacyPostScenarios(cookie, session.session().csrf());
        assertEquals(200, invoke("FacetsPageFunction", "page-categories.json", cookie), "the page shows who is signed in");
        assertEquals(200, invoke("SearchPageFunction", "search-page.json", cookie), "the page shows who is signed in");
        assertEquals(303, invoke("SignInFunction", "signout.json", cookie.andThen(formBody("csrf=" + session.session().csrf()))));
    }

    /**
     * Every function that reads a post by its slug, on a post made before ids were named by slugs
     * (LegacyPosts): the slug's claim leads to its random id, read with a Query of its own.
     */
    static void runLegacyPostScenarios(Consumer<ObjectNode> cookie, String csrf) throws Exception {
        var settings = Wirings.settings(env.server.tableName());
        String legacy = LegacyPosts.create(LegacyPosts.service(real, settings), "Skrivet före namngivna id", authorId).slug();
        Consumer<ObjectNode> it = slug(legacy);
        assertEquals(200, invoke("GetPostFunction", "get-post.json", it));
        assertEquals(200, invoke("AddTagsFunction", "add-tags.json", it));
        assertEquals(200, invoke("ReplaceTagsFunction", "replace-tags.json", it));
        assertEquals(200, invoke("RemoveTagFunction", "remove-tag.json", it));
        assertEquals(200, invoke("EditPostFunction", "edit-post.json", it.andThen(body("{\"title\": \"Skrivet före namngivna id (ändrad)\"}"))));
        assertEquals(200, invoke("PostVersionsFunction", "post-versions.json", it), "the edit kept the post as it was");
        String kept = Long.toString(currentVersion(legacy) - 1);
        assertEquals(200, invoke("PostVersionsFunction", "post-version.json", it.andThen(e -> {
            ((ObjectNode) e.path("pathParameters")).put("version", kept);
            e.put("rawPath", e.path("rawPath").asText().replaceAll("/1$", "/" + kept));
        })), "the version the edit replaced");
        assertEquals(200, invoke("PublishPostFunction", "unpublish-post.json", it));
        assertEquals(200, invoke("EditPageFunction", "edit-form.json", it.andThen(cookie)));
        assertEquals(200, invoke("PreviewPageFunction", "preview.json", it.andThen(cookie)));
        assertEquals(303, invoke("PublishPageFunction", "publish.json", it.andThen(cookie).andThen(formBody("csrf=" + csrf
                + "&version=" + currentVersion(legacy)))));
        assertEquals(200, invoke("PostPageFunction", "page-post.json", it));
        assertEquals(200, invoke("DeletePageFunction", "delete-confirm.json", it.andThen(cookie)));
        assertEquals(200, invoke("ImageUploadPageFunction", "image-form.json", it.andThen(cookie)));
        assertEquals(200, attachThroughTheApi(new Http(env.server.baseUri(), null), it), "UploadUrl and AttachImage");
        assertEquals(200, invoke("DraftsPageFunction", "drafts.json", cookie.andThen(rightAfter("published", legacy))),
                "right after a change of a post: that post read by its key");
        assertEquals(204, invoke("DeletePostFunction", "delete-post.json", it));
        assertEquals(200, invoke("DraftsPageFunction", "drafts.json", cookie.andThen(rightAfter("deleted", legacy))),
                "right after a delete: the post looked for by its key, and its claim");
    }

    /** "Mina inlägg" as an author is sent to it right after a change of this post. */
    static Consumer<ObjectNode> rightAfter(String done, String slug) {
        return e -> {
            e.put("rawQueryString", "done=" + done + "&post=" + slug);
            e.putObject("queryStringParameters").put("done", done).put("post", slug);
        };
    }

    /** The author's pages on the first post, which the scenarios above left a draft of its author's. */
    static void runAuthoringScenarios(Consumer<ObjectNode> cookie, String csrf) throws Exception {
        String version = "version=" + currentVersion("manadsmote-samverkan-for-klientens-basta");
        assertEquals(200, invoke("EditPageFunction", "edit-form.json", cookie));
        assertEquals(409, invoke("EditPageFunction", "edit.json", cookie.andThen(formBody("csrf=" + csrf + "&version=1&title=Annan+rubrik"))),
                "a stale version reads the post and writes nothing");
        assertEquals(303, invoke("EditPageFunction", "edit.json", cookie.andThen(formBody("csrf=" + csrf + "&" + version
                + "&title=Redigerad&body=Text&authorName=%C3%85sa&tags=Frivard%2C+Samverkan&action=publish"))),
                "published with a tag it loses: entries, counts and the feed move");
        String kept = version.substring("version=".length());
        assertEquals(200, invoke("VersionsPageFunction", "versions.json", cookie), "the edit kept the post as it was");
        Consumer<ObjectNode> keptVersion = e -> {
            ((ObjectNode) e.get("pathParameters")).put("version", kept);
            e.put("rawPath", e.get("rawPath").asText().replaceAll("/1$", "/" + kept));
        };
        assertEquals(200, invoke("VersionsPageFunction", "version.json", cookie.andThen(keptVersion)));
        assertEquals(200, invoke("PostVersionsFunction", "post-version.json", keptVersion), "and through the API");
        assertEquals(200, invoke("EditPageFunction", "edit-form.json", cookie.andThen(e -> {
            e.put("rawQueryString", "from=" + kept);
            e.putObject("queryStringParameters").put("from", kept);
        })), "the form filled in with it");
        assertEquals(200, invoke("PreviewPageFunction", "preview.json", cookie));
        assertEquals(409, invoke("PublishPageFunction", "unpublish.json", cookie.andThen(formBody("csrf=" + csrf + "&" + version))),
                "the edit made a new version: the form is shown again");
        version = "version=" + currentVersion("manadsmote-samverkan-for-klientens-basta");
        assertEquals(303, invoke("PublishPageFunction", "unpublish.json", cookie.andThen(formBody("csrf=" + csrf + "&" + version))));
        version = "version=" + currentVersion("manadsmote-samverkan-for-klientens-basta");
        assertEquals(303, invoke("PublishPageFunction", "publish.json", cookie.andThen(formBody("csrf=" + csrf + "&" + version
                + "&at=2031-01-01T09%3A00"))), "scheduled into a month nobody has posted in yet");
        version = "version=" + currentVersion("manadsmote-samverkan-for-klientens-basta");
        assertEquals(303, invoke("PublishPageFunction", "publish.json", cookie.andThen(formBody("csrf=" + csrf + "&" + version))));
        assertEquals(200, invoke("ProfilePageFunction", "profile-form.json", cookie));
        assertEquals(303, invoke("ProfilePageFunction", "profile.json", cookie.andThen(formBody("csrf=" + csrf
                + "&name=%C3%85sa+%C3%96berg&role=Frivardsinspektor&office="))));
        assertEquals(200, invoke("DeletePageFunction", "delete-confirm.json", cookie));
        version = "version=" + currentVersion("manadsmote-samverkan-for-klientens-basta");
        assertEquals(303, invoke("DeletePageFunction", "delete-confirmed.json", cookie.andThen(formBody("csrf=" + csrf + "&" + version
                + "&confirm=ja"))));
    }

    /**
     * Pictures, through the pages and the API: upload forms, the bucket's redirect back, a file that is no
     * picture, saving, replacing and dropping a picture, deleting a post with one; and each write that
     * drops a picture once with an injected failure, so the copy is let go (tagged for the lifecycle) or kept.
     */
    static void runPictureScenarios(Consumer<ObjectNode> cookie, String csrf) throws Exception {
        String slug = "bilder-med-minst-behorighet";
        Consumer<ObjectNode> onPost = slug(slug);
        assertEquals(201, invoke("CreatePostFunction", "create-post.json", header("idempotency-key", "bilder").andThen(body(
                "{\"title\": \"Bilder med minst behörighet\", \"body\": \"Text.\", \"author\": {\"name\": \"Åsa\"}}"))));
        var uploads = new Http(env.server.baseUri(), null);

        String good = upload(uploads, pageForm(cookie.andThen(onPost)), TestPictures.png(40, 30));
        assertEquals(200, invoke("ImageUploadPageFunction", "image-uploaded.json", cookie.andThen(onPost).andThen(uploadKey(good))));
        String text = upload(uploads, pageForm(cookie.andThen(onPost)), "ingen bild".getBytes(StandardCharsets.UTF_8));
        assertEquals(422, invoke("ImageUploadPageFunction", "image-uploaded.json", cookie.andThen(onPost).andThen(uploadKey(text))),
                "no picture: deleted");
        assertEquals(303, savePicture(cookie.andThen(onPost), csrf, slug, good));
        String next = upload(uploads, pageForm(cookie.andThen(onPost)), TestPictures.png(20, 20));
        assertEquals(409, failingOnce("ImageUploadPageFunction", () -> savePicture(cookie.andThen(onPost), csrf, slug, next)),
                "the old picture stays, the copy tagged for the lifecycle");
        assertEquals(303, savePicture(cookie.andThen(onPost), csrf, slug, next), "the old picture goes");
        String name = pictureName(slug);
        assertEquals(302, invoke("ImageFunction", "picture.json", e -> {
            ((ObjectNode) e.path("pathParameters")).put("name", name);
            e.put("rawPath", "/images/" + name);
        }));

        Consumer<ObjectNode> dropPicture = cookie.andThen(onPost).andThen(e -> { }).andThen(e -> formBody("csrf=" + csrf + "&version="
                + currentVersion(slug) + "&title=Utan+bild&body=Text&authorName=%C3%85sa&imageUrl=&action=save").accept(e));
        assertEquals(409, failingOnce("EditPageFunction", () -> invoke("EditPageFunction", "edit.json", dropPicture)));
        assertEquals(303, invoke("EditPageFunction", "edit.json", dropPicture));

        assertEquals(200, attachThroughTheApi(uploads, onPost));
        String another = apiUpload(uploads, onPost);
        // The events send If-Match: *, which names no version: a write that fails once is made again from a fresh read.
        assertEquals(200, failingOnce("AttachImageFunction", () -> invoke("AttachImageFunction", "attach-image.json",
                onPost.andThen(body("{\"key\": \"" + another + "\", \"alt\": \"Bild\"}")))), "the save made again lands");
        assertEquals(200, failingOnce("EditPostFunction", () -> invoke("EditPostFunction", "edit-post.json", onPost.andThen(body("{\"image\": null}")))),
                "the edit merged again lands");
        assertEquals(200, attachThroughTheApi(uploads, onPost));
        assertEquals(204, failingOnce("DeletePostFunction", () -> invoke("DeletePostFunction", "delete-post.json", onPost)),
                "a delete that loses a race reads again and wins");

        String page = "bilder-att-ta-bort-pa-sidan";
        assertEquals(201, invoke("CreatePostFunction", "create-post.json", header("idempotency-key", "bilder-2").andThen(body(
                "{\"title\": \"Bilder att ta bort på sidan\", \"body\": \"Text.\", \"author\": {\"name\": \"Åsa\"}}"))));
        assertEquals(200, attachThroughTheApi(uploads, slug(page)));
        assertEquals(303, failingOnce("DeletePageFunction", () -> invoke("DeletePageFunction", "delete-confirmed.json",
                cookie.andThen(slug(page)).andThen(formBody("csrf=" + csrf + "&version=" + currentVersion(page) + "&confirm=ja")))));

        // A scheduled post's picture, not only a published post's: the save writes the post's waiting entry in its counters,
        // and once its time may have come reads them first (a create may have counted it since).
        for (var scheduled : Map.of("bild-pa-ett-inlagg-om-tre-dagar", Duration.ofDays(3),
                "bild-pa-ett-inlagg-strax", Duration.ofSeconds(5)).entrySet()) {
            String at = Instant.now().plus(scheduled.getValue()).truncatedTo(ChronoUnit.SECONDS).toString();
            String title = scheduled.getKey().equals("bild-pa-ett-inlagg-strax") ? "Bild på ett inlägg strax" : "Bild på ett inlägg om tre dagar";
            assertEquals(201, invoke("CreatePostFunction", "create-post.json", header("idempotency-key", scheduled.getKey()).andThen(body(
                    "{\"title\": \"" + title + "\", \"body\": \"Text.\", \"author\": {\"name\": \"Åsa\"}, \"publishedAt\": \"" + at + "\"}"))));
            Consumer<ObjectNode> it = slug(scheduled.getKey());
            assertEquals(303, savePicture(cookie.andThen(it), csrf, scheduled.getKey(), upload(uploads, pageForm(cookie.andThen(it)),
                    TestPictures.png(40, 30))), scheduled.getKey());
            assertEquals(200, attachThroughTheApi(uploads, it), scheduled.getKey());
        }
    }

    /** A scenario whose first transaction fails on a condition, as when another writer got there first. */
    static int failingOnce(String functionId, Callable<Integer> scenario) throws Exception {
        FaultyDynamo faulty = faults.get(functionId);
        // First: where the post's own item is, as when another writer changed the post (one refused by a counter alone is
        // made again at once, from the counters read again).
        faulty.fault = FaultyDynamo.Fault.FAIL_FIRST_OPERATION;
        faulty.faultsLeft.set(1);
        try {
            return scenario.call();
        } finally {
            faulty.faultsLeft.set(0);
            faulty.fault = FaultyDynamo.Fault.NONE;
        }
    }

    static PictureUploads.Form pageForm(Consumer<ObjectNode> onPost) throws Exception {
        JsonNode page = call("ImageUploadPageFunction", "image-form.json", onPost);
        assertEquals(200, page.path("statusCode").asInt(), page.toString());
        return PictureUploads.form(page.path("body").asText());
    }

    /** The file posted to the bucket as a browser posts it; the key it went to. */
    static String upload(Http http, PictureUploads.Form form, byte[] file) {
        var sent = http.multipart(form.url(), form.fields(), "bild.png", "image/png", file);
        assertEquals(303, sent.status(), sent.body());
        return form.key();
    }

    static Consumer<ObjectNode> uploadKey(String key) {
        return e -> {
            ((ObjectNode) e.path("queryStringParameters")).put("key", key);
            e.put("rawQueryString", "version=1&key=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
        };
    }

    static int savePicture(Consumer<ObjectNode> onPost, String csrf, String slug, String key) throws Exception {
        return invoke("ImageUploadPageFunction", "image-save.json", onPost.andThen(formBody("csrf=" + csrf + "&key="
                + URLEncoder.encode(key, StandardCharsets.UTF_8) + "&version=" + currentVersion(slug) + "&alt=Bild&caption=")));
    }

    /** An upload through the API's presigned POST (S3 answers 204); the key it went to. */
    static String apiUpload(Http http, Consumer<ObjectNode> onPost) throws Exception {
        JsonNode answer = call("UploadUrlFunction", "upload-url.json", onPost);
        JsonNode form = Http.JSON.readTree(answer.path("body").asText());
        Map<String, String> fields = new LinkedHashMap<>();
        form.path("fields").properties().forEach(f -> fields.put(f.getKey(), f.getValue().asText()));
        var sent = http.multipart(URI.create(form.path("url").asText()), fields, "bild.png", "image/png", TestPictures.png(30, 30));
        assertEquals(204, sent.status(), sent.body());
        return form.path("key").asText();
    }

    static int attachThroughTheApi(Http http, Consumer<ObjectNode> onPost) throws Exception {
        String key = apiUpload(http, onPost);
        return invoke("AttachImageFunction", "attach-image.json", onPost.andThen(body("{\"key\": \"" + key + "\", \"alt\": \"Bild\"}")));
    }

    static String pictureName(String slug) {
        var posts = env.wiredTo(real).posts();
        return ((Outcome.Done<Post>) posts.get(slug, Optional.of(authorId))).value()
                .summary().image().flatMap(Image::storedName).orElseThrow();
    }

    static long currentVersion(String slug) {
        var posts = env.wiredTo(real).posts();
        return ((Outcome.Done<Post>) posts.get(slug, Optional.of(authorId))).value().version();
    }

    /**
     * The indexer builds the index anew over one of an older analysis (a manifest naming one object,
     * which the rebuild deletes: a batch of a few posts is held in the manifest and deletes nothing),
     * then applies one post on top (read by key, the manifest replaced); both search functions read it.
     */
    static void runSearchScenarios(String postId) throws Exception {
        realS3.putObject(b -> b.bucket(searchBucket).key("search/files/older/segments_1"),
                RequestBody.fromString("an older analysis's commit"));
        realS3.putObject(b -> b.bucket(searchBucket).key("search/manifest.json"), RequestBody.fromString(
                "{\"lineage\":\"older\",\"generation\":1,\"analysis\":1,\"files\":{\"segments_1\":{\"key\":\"files/older/segments_1\",\"size\":26}}}"));
        Consumer<ObjectNode> post = e -> ((ObjectNode) e.path("Records").path(0).path("dynamodb").path("Keys").path("PK")).put("S", "POST#" + postId);
        assertEquals(200, invoke("SearchIndexFunction", "search-index-stream.json", e -> { }), "the first batch builds the index anew");
        assertFalse(realS3.listObjectsV2(b -> b.bucket(searchBucket).prefix("search/files/older/")).hasContents(),
                "the older index's object was deleted");
        assertEquals(200, invoke("SearchIndexFunction", "search-index-stream.json", post), "a batch on top of it");
        // A picture's file as a post's delete would have left it: the indexer is to take it away.
        var pictures = new RecordingS3().bucket(env.server.bucket());
        String left = "images/" + "a".repeat(26) + ".png";
        pictures.put(left, TestPictures.png(2, 2), ImageType.PNG);
        Consumer<ObjectNode> deletedWithItsPicture = e -> {
            ObjectNode record = (ObjectNode) e.path("Records").path(0);
            record.put("eventName", "REMOVE");
            ObjectNode dynamodb = (ObjectNode) record.path("dynamodb");
            ObjectNode was = (ObjectNode) dynamodb.remove("NewImage");
            was.putObject("imageUrl").put("S", "/images/" + "a".repeat(26) + ".png");
            dynamodb.set("OldImage", was);
        };
        assertEquals(200, invoke("SearchIndexFunction", "search-index-stream.json", deletedWithItsPicture),
                "a post deleted with its picture: the file goes too");
        assertTrue(pictures.read(left, Optional.empty(), 0, 1).isEmpty(), "the file of the deleted post's picture is gone");
        assertEquals(200, invoke("SearchApiFunction", "search-api.json", e -> { }));
        assertEquals(200, invoke("SearchPageFunction", "search-page.json", e -> { }));
    }

    static Consumer<ObjectNode> formBody(String form) {
        return e -> e.put("body", Base64.getEncoder().encodeToString(form.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyFunctionIsGrantedExactlyTheDynamoDbAndS3ActionsItsCodeUses() throws Exception {
        runScenarios();
        // Every function's difference at once: one change of the code can move what several of them use.
        List<Executable> checks = new ArrayList<>();
        for (var f : template.functions().values()) {
            Set<RecordingDynamo.Grant> granted = granted(f.properties());
            Set<RecordingDynamo.Grant> used = new HashSet<>(recorders.get(f.id()).used);
            used.addAll(buckets.get(f.id()).used);
            checks.add(() -> assertEquals(new TreeMap<>(group(granted)), new TreeMap<>(group(used)), f.id() + ": granted vs used"));
        }
        assertAll(checks);
    }

    @Test
    void noFunctionMayScanOrUseWildcards() {
        for (var f : template.functions().values()) {
            for (RecordingDynamo.Grant g : granted(f.properties())) {
                assertFalse(g.action().contains("*"), f.id() + " has a wildcard action");
                assertFalse(g.action().equals("dynamodb:Scan"), f.id() + " may Scan");
            }
        }
    }

    @Test
    void everyFunctionsOwnPrimingReadsOnlyAndWritesNothing() throws Exception {
        // Each function's priming (the shared reads, its own requests, its made-up page) runs some 250 times before
        // every snapshot: two rounds here, on recorders of their own, so the grants test above sees none of it.
        var settings = Wirings.settings(env.server.tableName());
        String searchBucket = s3.newBucket("least-privilege-priming");
        int primed = 0;
        for (var f : template.functions().values()) {
            RecordingDynamo recorder = new RecordingDynamo();
            RecordingS3 recordingS3 = new RecordingS3();
            var images = recordingS3.bucket(env.server.bucket());
            Wiring wiring = Wiring.withBuckets(recorder.wrap(real), settings.withSearchBucket(searchBucket), Clock.systemUTC(),
                    () -> Optional.of(images), () -> new S3IndexFiles(recordingS3.searchIndex(realS3), searchBucket));
            if (!(handler(f.handlerClass(), wiring) instanceof HttpFunction function)) {
                continue; // the authorizer and the indexer prime with Priming's shared reads, checked below
            }
            for (int round = 0; round < 2; round++) {
                function.primingSteps().forEach(Priming::attempt);
            }
            primed++;
            for (RecordingDynamo.Grant g : recorder.used) {
                assertTrue(Set.of("dynamodb:Query", "dynamodb:BatchGetItem").contains(g.action()), f.id() + "'s priming may only read: " + g);
            }
            for (RecordingDynamo.Grant g : recordingS3.used) {
                assertTrue(Set.of("s3:GetObject", "s3:ListBucket").contains(g.action()), f.id() + "'s priming may only read: " + g);
            }
        }
        assertTrue(primed > 30, "every request function was primed: " + primed);
    }

    @Test
    void primingReadsOnlyAndWritesNothing() {
        RecordingDynamo recorder = new RecordingDynamo();
        var wiring = env.wiredTo(recorder.wrap(real));
        Priming.of(wiring).prime(true);
        assertFalse(recorder.used.isEmpty(), "priming reaches DynamoDB");
        for (RecordingDynamo.Grant g : recorder.used) {
            assertTrue(Set.of("dynamodb:Query", "dynamodb:BatchGetItem").contains(g.action()), "priming may only read: " + g);
        }
    }

    /** The grants a function's Policies statements give, as action and resource kind. */
    static Set<RecordingDynamo.Grant> granted(Map<String, Object> properties) {
        Set<RecordingDynamo.Grant> grants = new HashSet<>();
        if (!(properties.get("Policies") instanceof List<?> policies)) {
            return grants;
        }
        for (Object policy : policies) {
            Object statements = Template.map(policy).get("Statement");
            for (Object st : (List<?>) statements) {
                Map<String, Object> s = Template.map(st);
                assertEquals("Allow", s.get("Effect"));
                List<?> actions = s.get("Action") instanceof List<?> l ? l : List.of(s.get("Action"));
                List<?> resources = s.get("Resource") instanceof List<?> l ? l : List.of(s.get("Resource"));
                for (Object r : resources) {
                    String kind = resourceKind(r);
                    actions.forEach(a -> grants.add(new RecordingDynamo.Grant(String.valueOf(a), kind)));
                }
            }
        }
        return grants;
    }

    private static String resourceKind(Object resource) {
        Map<String, Object> r = Template.map(resource);
        if (r.get("Fn::GetAtt") instanceof List<?> l && l.equals(List.of("SearchIndexBucket", "Arn"))) {
            return "search-bucket";
        }
        if (r.get("Fn::Sub") instanceof String sub && sub.startsWith("${SearchIndexBucket.Arn}/")) {
            return "search-bucket/" + sub.substring("${SearchIndexBucket.Arn}/".length());
        }
        if (r.get("Fn::GetAtt") instanceof List<?> l && l.equals(List.of("PostsTable", "Arn"))) {
            return "table";
        }
        if (r.get("Fn::Sub") instanceof String sub && sub.startsWith("${PostsTable.Arn}/index/")) {
            return "index/" + sub.substring("${PostsTable.Arn}/index/".length());
        }
        if (r.get("Fn::Sub") instanceof String sub && sub.startsWith("${ImagesBucket.Arn}/")) {
            return "images-bucket/" + sub.substring("${ImagesBucket.Arn}/".length());
        }
        throw new AssertionError("a resource other than the posts table, one of its indexes, a prefix of the pictures bucket "
                + "or the search bucket: " + resource);
    }

    private static Map<String, Set<String>> group(Set<RecordingDynamo.Grant> grants) {
        Map<String, Set<String>> byResource = new TreeMap<>();
        grants.forEach(g -> byResource.computeIfAbsent(g.resource(), k -> new TreeSet<>()).add(g.action()));
        return byResource;
    }
}
