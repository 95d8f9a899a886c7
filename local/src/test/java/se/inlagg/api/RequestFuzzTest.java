package se.inlagg.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import se.inlagg.http.HttpRequest;
import se.inlagg.http.ProblemException;
import se.inlagg.local.SameOnEveryBackend;
import se.inlagg.posts.Outcome;
import se.inlagg.posts.PostRules;
import se.inlagg.posts.SiteTime;

/**
 * Any bytes as a create body, with any content type: the request is refused with a 4xx answer or
 * becomes a draft the rules accept or refuse. Nothing else may happen, above all no 500.
 */
@SameOnEveryBackend
class RequestFuzzTest {

    static final SiteTime TIME = new SiteTime(ZoneId.of("Europe/Stockholm"), Clock.systemUTC());

    @FuzzTest(maxDuration = "60s")
    void anyBodyIsRefusedOrReadNeverAServerError(FuzzedDataProvider data) {
        String contentType = data.pickValue(new String[] {"application/json", "application/json; charset=utf-8",
                "application/merge-patch+json", "text/plain", "application/json; charset=latin1"});
        byte[] body = data.consumeRemainingAsBytes();
        var request = HttpRequest.builder()
                .header("content-type", contentType)
                .body(Base64.getEncoder().encodeToString(body))
                .base64(true)
                .build();
        try {
            var draft = DraftReader.post(ApiFunction.jsonObject(request), d -> List.of());
            var outcome = PostRules.check(draft, TIME);
            assertTrue(outcome instanceof Outcome.Done<?> || outcome instanceof Outcome.Refused<?>);
        } catch (ProblemException e) {
            int status = e.problem().status();
            assertTrue(status >= 400 && status < 500, "status " + status);
        }
    }
}
