package se.inlagg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.inlagg.config.Settings;
import se.inlagg.http.HttpRequest;

/**
 * A request as CloudFront hands it to API Gateway on a stack without a custom domain: the Host is API Gateway's name,
 * the browser's address is the distribution's, and only the SiteHost
 * function's header names that. The local server cannot show this, as it always knows its own address.
 */
class SiteUrlsTest {

    static final String API = "abc123.execute-api.eu-north-1.amazonaws.com";
    static final String DISTRIBUTION = "d111111abcdef8.cloudfront.net";
    static final Settings NO_DOMAIN = new Settings("Posts", ZoneId.of("Europe/Stockholm"));

    static HttpRequest.Builder throughCloudFront() {
        return HttpRequest.builder().method("POST").path("/signin").routeKey("POST /signin").domainName(API)
                .header("host", API).header("x-forwarded-proto", "https").header(SiteUrls.SITE_HOST, DISTRIBUTION);
    }

    @Test
    void theBucketSendsAnUploaderBackToTheNameTheyUsedNotToApiGateways() {
        assertEquals("https://" + DISTRIBUTION, SiteUrls.origin(NO_DOMAIN, throughCloudFront().build()),
                "API Gateway's name has no session cookie: the author would be asked to sign in");
        HttpRequest straight = HttpRequest.builder().method("GET").path("/").domainName(API).header("host", API)
                .header("x-forwarded-proto", "https").build();
        assertEquals("https://" + API, SiteUrls.origin(NO_DOMAIN, straight), "API Gateway's own address, used straight");
        Settings domain = new Settings("Posts", ZoneId.of("Europe/Stockholm"), Optional.of("https://blogg.example.se"));
        assertEquals("https://blogg.example.se", SiteUrls.origin(domain, throughCloudFront().build()));
    }

    @Test
    void aFormPostedOnTheDistributionsNameIsThisSites() {
        HttpRequest post = throughCloudFront().header("origin", "https://" + DISTRIBUTION).header("sec-fetch-site", "same-origin").build();
        assertTrue(SameOrigin.allows(post, NO_DOMAIN));
        assertTrue(SameOrigin.vouches(post, NO_DOMAIN));
        assertFalse(SameOrigin.allows(throughCloudFront().header("origin", "https://elak.example").build(), NO_DOMAIN));
        assertFalse(SameOrigin.allows(throughCloudFront().header("origin", "https://" + DISTRIBUTION)
                .header("sec-fetch-site", "cross-site").build(), NO_DOMAIN));
        assertFalse(SameOrigin.allows(throughCloudFront().header("origin", "http://" + DISTRIBUTION).build(), NO_DOMAIN),
                "the distribution answers readers over https only");
    }

    @Test
    void aHeaderThatIsNoHostNameNamesNothing() {
        HttpRequest odd = throughCloudFront().header(SiteUrls.SITE_HOST, "elak.example/x?").build();
        assertEquals("https://" + API, SiteUrls.base(NO_DOMAIN, odd));
        assertEquals("https://" + API, SiteUrls.origin(NO_DOMAIN, odd));
        assertEquals("https://" + DISTRIBUTION, SiteUrls.base(NO_DOMAIN, throughCloudFront().build()));
    }
}
