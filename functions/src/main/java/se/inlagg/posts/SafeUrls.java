package se.inlagg.posts;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.commonmark.renderer.html.UrlSanitizer;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;

/**
 * Which link and image addresses a post's body may carry: relative ones and http, https (and
 * mailto for links). commonmark's default also lets data: through, which can carry a page of its
 * own. None with a user name or password a browser reads in it ("https://user:pw@…", "//user@…"):
 * every reader of the page, the feed and the API would be sent them (the write refuses such a body;
 * this keeps them out of bodies stored before).
 */
final class SafeUrls implements UrlSanitizer {

    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
    private static final Set<String> IMAGE_SCHEMES = Set.of("http", "https");

    @Override
    public String sanitizeLinkUrl(String url) {
        return linkAllowed(url) ? url : "";
    }

    static boolean linkAllowed(String url) {
        return allowed(url, LINK_SCHEMES) && userInfoOfLink(url).isEmpty();
    }

    @Override
    public String sanitizeImageUrl(String url) {
        return imageAllowed(url) ? url : "";
    }

    static boolean imageAllowed(String url) {
        return allowed(url, IMAGE_SCHEMES) && WebAddresses.withoutUserInfo(url).isEmpty();
    }

    /**
     * The address without the user name or password a browser reads in it, when a page would link it but for them; empty
     * for any other. An address of a scheme the page never links ("ssh://git@github.com/…", "smb://anna@filserver/…") is
     * shown as text, which sends nothing, so its user name is the author's to write (shown without it,
     * "ssh://github.com/…" would be a different command).
     */
    static Optional<WebAddresses.WithoutUserInfo> userInfoOfLink(String url) {
        return allowed(url, LINK_SCHEMES) && !mail(url) ? WebAddresses.withoutUserInfo(url) : Optional.empty();
    }

    /** As {@link #userInfoOfLink}, for a picture, which the page shows only from http and https. */
    static Optional<WebAddresses.WithoutUserInfo> userInfoOfImage(String url) {
        return allowed(url, IMAGE_SCHEMES) ? WebAddresses.withoutUserInfo(url) : Optional.empty();
    }

    /** Whether a page linked this address before StoredHtml.VERSION 2, which linked one with a user name or password too. */
    static boolean linkAllowedBeforeVersion2(String url) {
        return allowed(url, LINK_SCHEMES);
    }

    /**
     * What a link whose text is its own address (a bare address, as the autolinker links it) shows as its text when the page
     * would link it but for its user name or password: the address without them, as the text would otherwise send them as
     * the link did. Empty for any other address, which shows as written.
     */
    static Optional<String> shownWithoutUserInfo(String destination) {
        return userInfoOfLink(destination).map(WebAddresses.WithoutUserInfo::address);
    }

    /**
     * Whether the link writes mail: nothing before an "@" in it is sent to any server (the mail program gets the address),
     * so a "//" in it opens no authority: the autolinker makes "mailto://anna@intra.example.se" of a bare
     * "//anna@intra.example.se", which holds no user name.
     */
    private static boolean mail(String url) {
        return url.strip().regionMatches(true, 0, "mailto:", 0, 7);
    }

    /** The autolinker's own finder of bare web addresses (an e-mail address, which Markdown links too, carries nothing to hide). */
    private static final LinkExtractor BARE_ADDRESSES = LinkExtractor.builder().linkTypes(EnumSet.of(LinkType.URL, LinkType.WWW)).build();

    /**
     * Words already made from a body (a stored excerpt) with each bare address in them shown as {@link #shownWithoutUserInfo}
     * shows it, found as the autolinker finds it ("www.…" read as "http://www.…"): the words Markdown.toWords makes of a body
     * stored before that rule, as far as the words tell.
     */
    static String bareAddressesWithoutUserInfo(String words) {
        StringBuilder out = new StringBuilder(words.length());
        int from = 0;
        for (LinkSpan span : BARE_ADDRESSES.extractLinks(words)) {
            Optional<String> shown = userInfoOfBare(words, span).map(WebAddresses.WithoutUserInfo::address);
            if (shown.isPresent()) {
                out.append(words, from, span.getBeginIndex()).append(shown.get());
                from = span.getEndIndex();
            }
        }
        return from == 0 ? words : out.append(words, from, words.length()).toString();
    }

    /** The first bare address in the words a page would link but for a user name or password, without them; empty when none. */
    static Optional<WebAddresses.WithoutUserInfo> firstBareAddressWithUserInfo(String words) {
        for (LinkSpan span : BARE_ADDRESSES.extractLinks(words)) {
            Optional<WebAddresses.WithoutUserInfo> userInfo = userInfoOfBare(words, span);
            if (userInfo.isPresent()) {
                return userInfo;
            }
        }
        return Optional.empty();
    }

    /** As {@link #userInfoOfLink}, for a bare address the autolinker found ("www.…" read as "http://www.…"). */
    private static Optional<WebAddresses.WithoutUserInfo> userInfoOfBare(String words, LinkSpan span) {
        String address = words.substring(span.getBeginIndex(), span.getEndIndex());
        return userInfoOfLink(span.getType() == LinkType.WWW ? "http://" + address : address);
    }

    /** A scheme is what stands before the first ':' that comes before any '/', '?' or '#'. */
    static boolean allowed(String url, Set<String> schemes) {
        String u = url.strip();
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (c == ':') {
                return schemes.contains(u.substring(0, i).toLowerCase(Locale.ROOT));
            }
            if (c == '/' || c == '?' || c == '#') {
                return true;
            }
            if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
                // Not a scheme character: browsers may still read one after stripping it, so refuse.
                return false;
            }
        }
        return true;
    }
}
