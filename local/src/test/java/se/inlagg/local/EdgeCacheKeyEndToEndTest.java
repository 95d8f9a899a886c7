package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.inlagg.http.Caching;

/**
 * Two requests CloudFront keys alike are answered alike. The distribution keys pages and the API by the query parameters
 * in its whitelist (template.yaml, PagesCachePolicy and ApiCachePolicy), matched by name as the request spells it; every
 * parameter is still forwarded. A function that reads a parameter under another spelling of its name (an escaped one:
 * {@code %63ursor} for {@code cursor}, {@code %71} for {@code q}) answers a request the edge keys as the plain address with
 * another page, and the edge keeps that answer for everyone who asks the plain address: a search's results as the empty
 * search page, and a 400 (kept 10 s whatever it said, before CustomErrorResponses named a 400) as the front page (found by a
 * review). A parameter's name is read as it is sent, and an answer to a request that names one by an escape is stored
 * nowhere.
 */
class EdgeCacheKeyEndToEndTest extends ServerTest {

    static Set<String> keyed;

    @BeforeAll
    static void read() throws Exception {
        Template template = Template.read(Repo.template());
        Map<String, Object> pages = Template.map(Template.map(Template.map(Template.map(template.resource("PagesCachePolicy")
                .get("Properties")).get("CachePolicyConfig")).get("ParametersInCacheKeyAndForwardedToOrigin")).get("QueryStringsConfig"));
        keyed = new TreeSet<>(((List<?>) pages.get("QueryStrings")).stream().map(String::valueOf).toList());
        assertEquals(201, http.createPost("Kräftskiva på kontoret", "2020-08-14", "Fest").status());
    }

    /** The query as the edge keys it: the whitelisted parameters, named as the request names them. */
    static String edgeKey(String address) {
        int q = address.indexOf('?');
        String path = q < 0 ? address : address.substring(0, q);
        List<String> kept = q < 0 ? List.of() : Arrays.stream(address.substring(q + 1).split("&"))
                .filter(pair -> keyed.contains(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair)).sorted().toList();
        return path + "?" + String.join("&", kept);
    }

    private static void answeredAlike(String plain, String escaped) {
        assertEquals(edgeKey(plain), edgeKey(escaped), "the edge keys both as one");
        var first = http.get(plain);
        assertEquals(first.body(), http.get(plain).body(), "the page is the same each time it is asked");
        var other = http.get(escaped);
        assertEquals(first.status() + " " + first.body().contains("Kräftskiva"), other.status() + " " + other.body().contains("Kräftskiva"),
                escaped + " is keyed at the edge as " + edgeKey(escaped) + ", but answered otherwise than " + plain
                        + " (status, and whether it lists the post): the first to ask sets what every reader of " + plain + " gets");
        // And stored nowhere, should an edge read the escaped name as the name it stands for and key it so.
        assertEquals(Caching.NO_STORE, other.header("cache-control"));
    }

    @Test
    void aSearchWhoseParameterIsNamedByAnEscapeIsNotAnotherPageUnderTheEmptySearchsKey() {
        answeredAlike("/sok", "/sok?%71=Kr%C3%A4ftskiva");
    }

    @Test
    void aBrokenCursorNamedByAnEscapeIsNotA400UnderTheFrontPagesKey() {
        answeredAlike("/", "/?%63ursor=%FF");
    }
}
