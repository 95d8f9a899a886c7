package se.inlagg.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.inlagg.json.Json;
import se.inlagg.posts.Facet;
import se.inlagg.posts.MarkupText;
import se.inlagg.posts.PostSummary;
import se.inlagg.posts.SiteTime;
import se.inlagg.posts.Tag;

/**
 * A post as schema.org's BlogPosting, for search engines, written into the page as a JSON-LD data
 * block. A data block is never run, so the pages' policy (no script at all) does not stop it.
 */
final class JsonLd {

    private JsonLd() {
    }

    static String blogPosting(PostSummary s, String url, String base) {
        Map<String, Object> posting = new LinkedHashMap<>();
        posting.put("@context", "https://schema.org");
        posting.put("@type", "BlogPosting");
        posting.put("headline", s.title());
        // Fit before it is written: a C0 control in an excerpt stored before the rules ("&#x1;") would be escaped, not
        // replaced, and a reader of the JSON-LD would get the control back.
        posting.put("description", MarkupText.fit(s.excerpt()));
        posting.put("url", url);
        posting.put("mainEntityOfPage", url);
        posting.put("datePublished", SiteTime.format(s.publishedAt()));
        posting.put("dateModified", SiteTime.format(s.modifiedForReaders()));
        posting.put("inLanguage", "sv-SE");
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("@type", "Person");
        author.put("name", s.author().name());
        Facet.person(s.author().name()).ifPresent(f -> author.put("url", base + f.path()));
        s.author().role().ifPresent(r -> author.put("jobTitle", r));
        s.author().office().ifPresent(o -> author.put("worksFor", organization(o, Optional.empty())));
        posting.put("author", author);
        posting.put("publisher", organization(Frame.SITE_NAME, Optional.of(base + "/")));
        s.image().ifPresent(i -> posting.put("image", List.of(SiteUrls.absolute(base, i.url()))));
        if (!s.tags().isEmpty()) {
            List<String> names = new ArrayList<>();
            s.tags().stream().map(Tag::name).forEach(names::add);
            posting.put("keywords", String.join(", ", names));
            posting.put("articleSection", names.getFirst());
        }
        return safeInScript(Json.write(posting));
    }

    private static Map<String, Object> organization(String name, Optional<String> url) {
        Map<String, Object> organization = new LinkedHashMap<>();
        organization.put("@type", "Organization");
        organization.put("name", name);
        url.ifPresent(u -> organization.put("url", u));
        return organization;
    }

    /**
     * JSON that cannot end the script element it stands in: "<", ">" and "&" only occur inside
     * strings here, where their \\u escapes mean the same to a JSON reader. A character no page may carry, which the JSON
     * writer leaves as it is above U+001F (DEL, C1 controls, noncharacters in an excerpt stored before the rules), is U+FFFD.
     */
    static String safeInScript(String json) {
        return MarkupText.fit(json).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
