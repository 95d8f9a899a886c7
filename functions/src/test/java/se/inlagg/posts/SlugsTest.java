package se.inlagg.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void everyCharacterBelowLatin1sLettersBecomesWhatDecomposingItWouldGive() {
        // The shortcut that keeps the normalizer out of a cold start, against what the normalizer says.
        for (int cp = 0; cp < 0xC0; cp++) {
            String base = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
            String expected = base.length() == 1 && base.charAt(0) < 128 && Character.isLetterOrDigit(base.charAt(0))
                    ? base.toLowerCase(Locale.ROOT) : "";
            assertEquals(expected, Slugs.transliterate(Character.toLowerCase(cp)), "U+" + Integer.toHexString(cp));
        }
    }

    @Test
    void swedishLettersBecomeTheirPlainLetters() {
        assertEquals("att-gastspela-som-chef", Slugs.of("Att gästspela som chef"));
        assertEquals("manadsmote-samverkan-for-klientens-basta", Slugs.of("Månadsmöte: samverkan för klientens bästa"));
        assertEquals("oresund-ar-angsligt", Slugs.of("ÖRESUND ÄR ÄNGSLIGT"));
        assertEquals("manadsmote-i-orebro", Slugs.of("Ma\u030Anadsmo\u0308te i O\u0308rebro"), "decomposed, as pasted from macOS");
    }

    @Test
    void otherEuropeanLettersFollowTheDesignTable() {
        assertEquals("cafe-uber-strasse-aero-sorensen", Slugs.of("Café über Straße, Ærø Sørensen"));
    }

    /** "ﬁka" is filed under "fika", not "ka", and "İstanbul" makes "istanbul", not "i-stanbul". */
    @Test
    void aLigatureIsItsLettersAndAMarkLeftOverBreaksNoWord() {
        assertEquals("fika-pa-kontoret", Slugs.of("\uFB01ka på kontoret"));
        assertEquals("istanbul", Slugs.of("İstanbul"));
        assertEquals("ostgota", Slugs.of("O\u0308stgo\u0308ta"), "decomposed, as some keyboards write it");
        assertEquals("produkt", Slugs.of("Produkt™"), "a symbol is no letter");
        assertEquals("collegi", Slugs.of("Coŀlegi"), "Catalan's ŀ is its l");
    }

    @Test
    void everythingElseBecomesOneDash() {
        assertEquals("rbm-2019-fragor-svar", Slugs.of("  RBM 2019 — frågor & svar?!  "));
        assertEquals("", Slugs.of("!!! ??? 😀"));
    }

    @Test
    void aLongTitleIsCutAtAWordWithinEightyCharacters() {
        String title = "Kriminalvårdens gemensamma utbildningsdag för frivårdsinspektörer och anstaltspersonal i Skåne län";
        String slug = Slugs.of(title);
        assertTrue(slug.length() <= 80, slug);
        assertTrue(Slugs.of(title + " extra").startsWith(slug));
        assertFalse(slug.endsWith("-"));
        assertEquals("kriminalvardens-gemensamma-utbildningsdag-for-frivardsinspektorer-och", slug);
    }

    /** The limit is 80 characters, so a slug of exactly 80 is whole: an address and a key, not cut nor refused. */
    @Test
    void aSlugOfExactlyEightyCharactersIsKeptWholeAndIsASlug() {
        String eighty = "ord-".repeat(19) + "sist";
        assertEquals(80, eighty.length());
        assertEquals(eighty, Slugs.of("Ord ".repeat(19) + "sist"), "not cut back to the word before");
        assertTrue(Slugs.isSlug(eighty), "eighty characters is a slug");
        assertFalse(Slugs.isSlug(eighty + "a"), "eighty-one is not");
    }

    @Test
    void numberedCandidatesStayWithinTheLimit() {
        String base = Slugs.of("a".repeat(79) + " b");
        assertEquals("a".repeat(79), base);
        assertEquals(base, Slugs.candidate(base, 1));
        String second = Slugs.candidate("ord-" + "b".repeat(75), 2);
        assertTrue(second.length() <= 80, second);
        assertEquals("ord-2", second);
        assertEquals("att-gastspela-som-chef-12", Slugs.candidate("att-gastspela-som-chef", 12));
    }

    @Test
    void aTitleWithoutLettersStillGetsASlug() {
        assertEquals("inlagg", Slugs.forTitle("?!"));
    }

    @Test
    void slugShapeIsCheckedBeforeItReachesAKey() {
        assertTrue(Slugs.isSlug("att-gastspela-som-chef"));
        assertFalse(Slugs.isSlug("Att"));
        assertFalse(Slugs.isSlug("a--b"));
        assertFalse(Slugs.isSlug("../etc"));
        assertFalse(Slugs.isSlug(""));
    }
}
