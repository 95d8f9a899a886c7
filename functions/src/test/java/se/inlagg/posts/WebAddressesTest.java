package se.inlagg.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebAddressesTest {

    @Test
    void anAddressThatNeedsNothingIsKeptAsTyped() {
        for (String typed : List.of("https://bilder.example.se/a.jpg", "http://bilder.example.se:8080/a.jpg?w=800#x",
                "https://[2001:db8::1]:8443/a.jpg", "https://xn--malm-8qa.se/a.jpg", "https://example.se:0443/a.jpg",
                "/images/abcdefghijklmnopqrstuvwxyz.png", "https://example.se/a:b@c.jpg")) {
            assertEquals(typed, WebAddresses.ascii(typed), typed);
            assertEquals(Optional.empty(), WebAddresses.authorityProblem(typed), typed);
        }
    }

    /** Swedish hosts exactly as java.net.IDN makes them; ß and ς as a browser keeps them. */
    @Test
    void aHostBeyondAsciiIsStoredAsABrowserLooksItUp() {
        Map<String, String> typed = Map.of(
                "https://bilder.malmö.se/bild.jpg", "https://bilder.xn--malm-8qa.se/bild.jpg",
                "https://räksmörgås.se:8443/kök.jpg", "https://xn--rksmrgs-5wao1o.se:8443/k%C3%B6k.jpg",
                "https://ß.de/x.jpg", "https://xn--zca.de/x.jpg",
                "https://Straße.de/x.jpg", "https://xn--strae-oqa.de/x.jpg",
                "https://fußball.malmö.se:8080/ß.jpg", "https://xn--fuball-cta.xn--malm-8qa.se:8080/%C3%9F.jpg");
        typed.forEach((url, stored) -> assertEquals(stored, WebAddresses.ascii(url), url));
        assertEquals("https://a\u200Db.se/x.jpg", WebAddresses.ascii("https://a\u200Db.se/x.jpg"), "left as typed, for the check to refuse");
    }

    /** An empty port is no port (RFC 3986, 6.2.3), and a browser leaves it out: stored so. */
    @Test
    void anEmptyPortIsLeftOut() {
        assertEquals("https://example.se/x.jpg", WebAddresses.ascii("https://example.se:/x.jpg"));
        assertEquals("https://example.se", WebAddresses.ascii("https://example.se:"));
        assertEquals("https://xn--zca.de?x=1", WebAddresses.ascii("https://ß.de:?x=1"));
        assertEquals("https://[2001:db8::1]/x.jpg", WebAddresses.ascii("https://[2001:db8::1]:/x.jpg"));
        assertEquals(Optional.empty(), WebAddresses.authorityProblem("https://example.se:/x.jpg"));
    }

    /** java.net.URI takes a user name and password, and a port no server can have: these do not. */
    @Test
    void aUserNameOrAPortNoServerHasIsAProblem() {
        for (String url : List.of("https://user:pw@example.se/bild.jpg", "HTTP://user@example.se/bild.jpg", "https://@example.se/x.jpg",
                "https://user:pw@xn--zca.de/x.jpg")) {
            assertEquals(Optional.of(PostRules.URL_WITH_CREDENTIALS), WebAddresses.authorityProblem(url), url);
        }
        for (String url : List.of("https://example.se:99999/x.jpg", "https://example.se:0/x.jpg", "https://example.se:65536/x.jpg",
                "https://example.se:ab/x.jpg", "https://example.se:-1/x.jpg", "https://example.se:80:80/x.jpg",
                "https://example.se:99999999999/x.jpg", "https://[2001:db8::1]:99999/x.jpg", "https://example.se::/x.jpg")) {
            assertEquals(Optional.of(PostRules.URL_WITH_NO_SUCH_PORT), WebAddresses.authorityProblem(url), url);
        }
        assertEquals(Optional.empty(), WebAddresses.authorityProblem("https://example.se:65535/x.jpg"));
        assertEquals(Optional.empty(), WebAddresses.authorityProblem("https://example.se:1/x.jpg"));
        assertEquals(Optional.empty(), WebAddresses.authorityProblem("ftp://user:pw@example.se:0/x"), "no web address: the caller's check");
    }

    /**
     * A post's body linked to "https://user:pw@…" would have every page send the password. The user info is
     * read where a browser's URL parser reads it (the URL Standard on an http or https page): a backslash is a slash in
     * such an address, a tab or newline is dropped anywhere, and "//" without a scheme is the page's own.
     */
    @Test
    void theUserInfoIsWhatABrowserReadsAsIt() {
        Map<String, WebAddresses.WithoutUserInfo> read = new LinkedHashMap<>();
        read.put("https://user:pw@intra.example/x", new WebAddresses.WithoutUserInfo("https://intra.example/x", "intra.example"));
        read.put("http://u@host.se", new WebAddresses.WithoutUserInfo("http://host.se", "host.se"));
        read.put("HTTPS://Anna@Host.se:8443/x?y=1", new WebAddresses.WithoutUserInfo("HTTPS://Host.se:8443/x?y=1", "Host.se"));
        read.put("https://user%40x:pw@host.se/", new WebAddresses.WithoutUserInfo("https://host.se/", "host.se"));
        read.put("https://a@b@host.se/", new WebAddresses.WithoutUserInfo("https://host.se/", "host.se"));
        read.put("https:\\\\user@host.se/x", new WebAddresses.WithoutUserInfo("https:\\\\host.se/x", "host.se"));
        read.put("https:/\\user@host.se", new WebAddresses.WithoutUserInfo("https:/\\host.se", "host.se"));
        read.put("https:user@host.se", new WebAddresses.WithoutUserInfo("https:host.se", "host.se"));
        read.put("//user:pw@host.se/x", new WebAddresses.WithoutUserInfo("//host.se/x", "host.se"));
        read.put("/\\user@host.se/x", new WebAddresses.WithoutUserInfo("/\\host.se/x", "host.se"));
        read.put("\\\\user@host.se", new WebAddresses.WithoutUserInfo("\\\\host.se", "host.se"));
        read.put(" https://us\ter@host.se/\n", new WebAddresses.WithoutUserInfo("https://host.se/", "host.se"));
        read.put("https:/\t/user@host.se", new WebAddresses.WithoutUserInfo("https://host.se", "host.se"));
        read.put("https://user@[2001:db8::1]:8443/", new WebAddresses.WithoutUserInfo("https://[2001:db8::1]:8443/", "[2001:db8::1]"));
        read.put("https://user@/x", new WebAddresses.WithoutUserInfo("https:///x", ""));
        read.put("ftp://anna:pw@filer.se/", new WebAddresses.WithoutUserInfo("ftp://filer.se/", "filer.se"));
        read.put("sftp://anna@filer.se:22/x", new WebAddresses.WithoutUserInfo("sftp://filer.se:22/x", "filer.se"));
        read.forEach((href, without) -> assertEquals(Optional.of(without), WebAddresses.withoutUserInfo(href), href));
        for (String href : List.of("https://host.se/a@b", "https://host.se?to=a@b", "https://host.se#a@b", "https://host.se\\@evil.se/",
                "mailto:anna@host.se", "/posts/a@b", "a@b.se", "kontakt@host.se/x", "https%3A//user@host.se", "file://anna@host.se/",
                "sftp:///anna@host.se", "sftp:anna@host.se", "sftp:/\\anna@host.se",
                "https://user%40host.se/", "https://host.se:8443/")) {
            assertEquals(Optional.empty(), WebAddresses.withoutUserInfo(href), href);
        }
    }
}
