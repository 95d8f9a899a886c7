package se.inlagg.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import se.inlagg.local.SameOnEveryBackend;

/** Slugs, tag names and Markdown, fed anything: they never fail and never let markup through. */
@SameOnEveryBackend
class TextFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void slugsAreAlwaysLinkSafe(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        String slug = Slugs.of(text);
        assertTrue(slug.isEmpty() || Slugs.isSlug(slug), slug);
        assertTrue(Slugs.isSlug(Slugs.forTitle(text)));
        assertTrue(Slugs.candidate(Slugs.forTitle(text), 12).length() <= Slugs.MAX_LENGTH);
    }

    @FuzzTest(maxDuration = "60s")
    void tagNamesNormaliseOnceAndValidNamesMakeValidTags(byte[] data) {
        String name = new String(data, StandardCharsets.UTF_8);
        String normal = Tag.normalizeName(name);
        assertEquals(normal, Tag.normalizeName(normal));
        if (Tag.problemWith(name) == null) {
            Tag tag = Tag.named(name);
            assertTrue(Slugs.isSlug(tag.slug()));
        }
    }

    @FuzzTest(maxDuration = "60s")
    void markdownNeverEmitsScriptOrScriptLinks(byte[] data) {
        String html = Markdown.toHtml(new String(data, StandardCharsets.UTF_8)).toLowerCase(Locale.ROOT);
        for (String forbidden : new String[] {"<script", "<iframe", "<object", "<style", "<svg", "href=\"javascript:",
                "src=\"javascript:", "href=\"data:", "href=\"vbscript:"}) {
            assertFalse(html.contains(forbidden), forbidden + " in " + html);
        }
        Markdown.toWords(new String(data, StandardCharsets.UTF_8));
    }
}
