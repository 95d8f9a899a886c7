package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import se.inlagg.auth.Sessions;
import se.inlagg.posts.Sha256;
import se.inlagg.store.RateLimitStore;
import se.inlagg.store.Table;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** Guessing tokens at the sign-in form is slowed per client, and the log never holds a token. */
class SignInRateLimitTest extends ServerTest {


    @Test
    void afterFiveWrongTokensAClientMustWaitEvenWithTheRightOne() {
        PrintStream out = System.out;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            for (int i = 1; i <= Sessions.MAX_FAILURES; i++) {
                var wrong = env.http.signIn("gissning-nummer-" + i);
                assertEquals(403, wrong.status(), "attempt " + i);
                assertNull(wrong.header("set-cookie"));
            }
            var limited = env.http.signIn(ServerExtension.TOKEN);
            assertEquals(429, limited.status());
            assertNull(limited.header("set-cookie"), "not even the right token gets in while the client waits");
            int retryAfter = Integer.parseInt(limited.header("retry-after"));
            assertTrue(retryAfter > 0 && retryAfter <= Sessions.WINDOW.toSeconds(), "Retry-After " + retryAfter);
            assertTrue(limited.body().contains("För många misslyckade försök"));
        } finally {
            System.setOut(out);
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("WARN  signin_failed") && logged.contains("client="), logged);
        assertFalse(logged.contains("gissning-nummer"), "the log never holds a token that was tried");
        assertFalse(logged.contains(ServerExtension.TOKEN));
        assertEquals(201, env.http.write("POST", "/api/posts", "{\"title\":\"API:t påverkas inte\",\"body\":\"x\",\"author\":{\"name\":\"Å\"}}").status(),
                "the API's Bearer token still works: the limit guards the form");
    }

    /**
     * A client kept out is told to wait until its window ends, fifteen minutes after its first failure, not for a moment:
     * a script that believed a Retry-After of a second would knock again at once, and again, all window long.
     */
    @Test
    void aClientKeptOutIsToldToWaitUntilItsWindowEnds() {
        String client = "198.51.100.10-" + UUID.randomUUID();
        Instant first = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (DynamoDbClient real = env.server.dynamoClient()) {
            Sessions sessions = env.wiredTo(real).sessions();
            for (int i = 1; i <= Sessions.MAX_FAILURES; i++) {
                assertTrue(sessions.signIn("fel-nummer-" + i, client, first) instanceof Sessions.SignIn.Refused, "attempt " + i);
            }
            var limited = sessions.signIn(ServerExtension.TOKEN, client, first.plus(Duration.ofMinutes(1)));
            assertEquals(new Sessions.SignIn.Limited(Sessions.WINDOW.minus(Duration.ofMinutes(1))), limited);
        }
    }

    /**
     * A failed sign-in's log line names its client so that its failures show as one client's, but not by the SHA-256 of
     * the address alone: anyone reading the log would get the address back by hashing the 2^32 IPv4 addresses (seconds on
     * a laptop). It is salted by the container.
     */
    @Test
    void aFailedSignInsLoggedClientCannotBeTurnedBackIntoItsAddress() {
        String client = "203.0.113.77";
        PrintStream out = System.out;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
        try (DynamoDbClient real = env.server.dynamoClient()) {
            var sessions = env.wiredTo(real).sessions();
            assertTrue(sessions.signIn("fel-nyckel-for-loggen", client, Instant.now()) instanceof Sessions.SignIn.Refused);
            assertTrue(sessions.signIn("fel-nyckel-igen", client, Instant.now()) instanceof Sessions.SignIn.Refused);
        } finally {
            System.setOut(out);
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("signin_failed"), logged);
        String guessed = Sha256.hex(client).substring(0, 12);
        assertFalse(logged.contains(guessed), "the logged client is SHA-256(address) cut to 12 hex digits, which anyone can"
                + " compute for every IPv4 address and so read the address back: " + logged.strip());
        var named = Pattern.compile("\"client\":\"([0-9a-f]{12})\"").matcher(logged).results().map(m -> m.group(1)).toList();
        assertEquals(2, named.size(), logged);
        assertEquals(named.get(0), named.get(1), "one client's failures are named alike, so the log shows them as one's");
    }

    /**
     * 40 wrong tokens sent at once are not all judged, as they would be if each read the count before any failure was
     * added: each attempt is taken before it is judged, so no more than the limit of them ever reaches a token; and a right
     * token's attempt is given back, so signing in costs nothing of the limit.
     */
    @Test
    void wrongTokensSentAtOnceAreJudgedNoMoreThanTheLimitAllows() throws Exception {
        String client = "198.51.100.9";
        try (DynamoDbClient real = env.server.dynamoClient()) {
            var sessions = env.wiredTo(real).sessions();
            assertTrue(sessions.signIn(ServerExtension.TOKEN, client, Instant.now()) instanceof Sessions.SignIn.Success);
            List<Sessions.SignIn> answers = Collections.synchronizedList(new ArrayList<>());
            try (var pool = Executors.newFixedThreadPool(20)) {
                for (int i = 0; i < 40; i++) {
                    int n = i;
                    pool.submit(() -> answers.add(sessions.signIn("samtidig-gissning-" + n, client, Instant.now())));
                }
            }
            assertEquals(40, answers.size());
            assertEquals(Sessions.MAX_FAILURES, answers.stream().filter(a -> a instanceof Sessions.SignIn.Refused).count(),
                    "judged, after a right token that took nothing: " + answers);
            assertEquals(40 - Sessions.MAX_FAILURES, answers.stream().filter(a -> a instanceof Sessions.SignIn.Limited).count(),
                    "refused unread: " + answers);
        }
    }

    /**
     * An attempt given back goes only to the window it was taken from: given to whatever window is open, a right token
     * whose window ended while it was checked would take a failure off the next window, perhaps another client's behind
     * the same edge.
     */
    /**
     * A sign-in the table failed to check is no wrong token: an author who tried while DynamoDB failed is not kept out
     * for fifteen minutes once it answers again.
     */
    @Test
    void aSignInTheTableFailedToCheckCostsNoAttempt() {
        try (DynamoDbClient real = env.server.dynamoClient()) {
            var failing = new AtomicBoolean(true);
            // The token's read fails; the attempts' count is read and written as ever.
            DynamoDbClient flaky = Intercepted.of(DynamoDbClient.class, real).before("query", call -> {
                var query = (QueryRequest) call.request();
                if (failing.get() && query.expressionAttributeValues().values().stream().anyMatch(v -> v.s() != null && v.s().startsWith("TOKEN#"))) {
                    throw DynamoDbException.builder().message("unavailable").statusCode(500).build();
                }
            }).client();
            Sessions sessions = env.wiredTo(flaky).sessions();
            String client = "198.51.100." + new Random().nextInt(256) + "-" + UUID.randomUUID();
            for (int i = 0; i < Sessions.MAX_FAILURES; i++) {
                assertThrows(RuntimeException.class, () -> sessions.signIn(ServerExtension.TOKEN, client, Instant.now()));
            }
            failing.set(false);
            var signIn = sessions.signIn(ServerExtension.TOKEN, client, Instant.now());
            assertTrue(signIn instanceof Sessions.SignIn.Success, signIn.toString());
        }
    }

    @Test
    void anAttemptIsGivenBackOnlyToTheWindowItWasTakenFrom() {
        Instant start = Instant.now();
        Duration window = Duration.ofMinutes(15);
        try (DynamoDbClient real = env.server.dynamoClient()) {
            RateLimitStore limits = new RateLimitStore(new Table(env.server.tableName(), real));
            RateLimitStore.Attempt first = limits.take("signin", "tillbaka", start, window, 5);
            Instant later = start.plus(window).plusSeconds(60);
            RateLimitStore.Attempt next = limits.take("signin", "tillbaka", later, window, 5);
            assertTrue(first.taken() && next.taken());
            limits.giveBack("signin", "tillbaka", first.window());
            assertEquals(1, limits.current("signin", "tillbaka", later).orElseThrow().failures(), "not the next window's");
            limits.giveBack("signin", "tillbaka", next.window());
            assertEquals(0, limits.current("signin", "tillbaka", later).orElseThrow().failures());
        }
    }

    /**
     * An attempt given back more often than it was taken (a sign-in's give-back sent again) never takes the count below
     * nothing: the client would get a guess more than the limit for each.
     */
    @Test
    void attemptsGivenBackTwiceNeverGiveAClientMoreThanTheLimit() {
        Instant now = Instant.now();
        Duration window = Duration.ofMinutes(15);
        int max = Sessions.MAX_FAILURES;
        try (DynamoDbClient real = env.server.dynamoClient()) {
            RateLimitStore limits = new RateLimitStore(new Table(env.server.tableName(), real));
            RateLimitStore.Attempt first = limits.take("signin", "tva-ganger", now, window, max);
            limits.giveBack("signin", "tva-ganger", first.window());
            limits.giveBack("signin", "tva-ganger", first.window());
            assertEquals(0, limits.current("signin", "tva-ganger", now).orElseThrow().failures());
            int taken = 0;
            for (int i = 0; i < max + 2; i++) {
                taken += limits.take("signin", "tva-ganger", now, window, max).taken() ? 1 : 0;
            }
            assertEquals(max, taken, "the limit, not one more");
        }
    }

    /**
     * Two first attempts at once must not both find no window open and each open one with a count of one, losing one.
     * Here the other attempt opens the window between this one's ADD and its own opening.
     */
    @Test
    void twoFirstAttemptsAtOnceBothCount() {
        Instant now = Instant.now();
        Duration window = Duration.ofMinutes(15);
        try (DynamoDbClient real = env.server.dynamoClient()) {
            RateLimitStore other = new RateLimitStore(new Table(env.server.tableName(), real));
            DynamoDbClient racing = new DynamoDbClient() {
                boolean raced;

                @Override
                public UpdateItemResponse updateItem(UpdateItemRequest request) {
                    return real.updateItem(request);
                }

                @Override
                public QueryResponse query(
                        QueryRequest request) {
                    return real.query(request);
                }

                @Override
                public PutItemResponse putItem(PutItemRequest request) {
                    if (!raced) {
                        raced = true;
                        assertTrue(other.take("signin", "samtidiga", now, window, 5).taken());
                    }
                    return real.putItem(request);
                }

                @Override
                public String serviceName() {
                    return real.serviceName();
                }

                @Override
                public void close() {
                }
            };
            assertTrue(new RateLimitStore(new Table(env.server.tableName(), racing)).take("signin", "samtidiga", now, window, 5).taken());
            assertEquals(2, other.current("signin", "samtidiga", now).orElseThrow().failures());
        }
    }
}
