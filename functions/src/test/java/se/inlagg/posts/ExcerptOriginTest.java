package se.inlagg.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExcerptOriginTest {

    static final String BODY = "Månadsmötet i **Ystad** flyttas till torsdag.\n\nVi ses i stora salen.";
    static final String MADE = PostRules.excerptOf(BODY);
    static final String OWN = "Nytt datum för mötet.";

    @Test
    void aMarkSaysWhatWorkingItOutSays() {
        assertTrue(ExcerptOrigin.fromBody(MADE, BODY, ExcerptOrigin.mark(MADE, BODY)));
        assertFalse(ExcerptOrigin.fromBody(OWN, BODY, ExcerptOrigin.mark(OWN, BODY)));
        assertEquals(PostRules.derivedExcerpt(MADE, BODY), ExcerptOrigin.fromBody(MADE, BODY, ""), "none stored: worked out");
        assertFalse(ExcerptOrigin.fromBody(OWN, BODY, ""), "none stored: worked out");
    }

    /** What saves the edit form the Markdown parser: a mark for these two texts is taken as it says, not worked out again. */
    @Test
    void aMarkForTheseTextsIsTakenAsItSays() {
        String saysMade = ExcerptOrigin.mark(OWN, BODY).replaceFirst("^author ", "body ");
        assertTrue(ExcerptOrigin.fromBody(OWN, BODY, saysMade), "only a mark taken at its word answers otherwise than the texts");
        String saysOwn = ExcerptOrigin.mark(MADE, BODY).replaceFirst("^body ", "author ");
        assertFalse(ExcerptOrigin.fromBody(MADE, BODY, saysOwn), "an author's too");
    }

    /**
     * A mark left behind by a write that changed the excerpt or the text without it, or made under other rules, is worked
     * out again: the form never shows an author's own excerpt empty (to be lost on the next save) nor a made one as theirs.
     */
    @Test
    void aMarkForOtherTextsOrOtherRulesIsWorkedOutAgain() {
        String made = ExcerptOrigin.mark(MADE, BODY);
        assertFalse(ExcerptOrigin.fromBody(OWN, BODY, made), "another excerpt");
        String otherBody = "Helt andra ord i texten.";
        assertFalse(ExcerptOrigin.fromBody(MADE, otherBody, made), "another text");
        String own = ExcerptOrigin.mark(OWN, BODY);
        String olderRules = own.replaceFirst(" " + ExcerptOrigin.RULES + " ", " " + (ExcerptOrigin.RULES - 1) + " ");
        assertFalse(own.equals(olderRules));
        assertFalse(ExcerptOrigin.fromBody(OWN, BODY, olderRules.replaceFirst("^author ", "body ")), "other rules");
        assertFalse(ExcerptOrigin.fromBody(OWN, BODY, "body"), "no key at all");
    }

    /** Words moved from the excerpt's end to the text's start make another pair, not the same one hashed alike. */
    @Test
    void wordsMovedBetweenTheTwoMakeAnotherPair() {
        String mark = ExcerptOrigin.mark("Ett", "två").replaceFirst("^author ", "body ");
        assertTrue(ExcerptOrigin.fromBody("Ett", "två", mark));
        assertFalse(ExcerptOrigin.fromBody("Et", "ttvå", mark));
    }
}
