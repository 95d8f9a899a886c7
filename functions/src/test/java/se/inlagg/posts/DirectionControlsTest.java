package se.inlagg.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.text.Bidi;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Checked against the JDK's own Unicode bidirectional algorithm (java.text.Bidi), as a browser lays out a line. */
class DirectionControlsTest {

    private static final String BEFORE = "Obalanserad ";
    private static final String AFTER = " 30 januari 2019, Frivården Malmö";

    @Test
    void aNameThatLeavesAnOverrideOpenTurnsNothingAfterIt() {
        String name = "Bidi \u202ENamn";
        assertEquals(1, highestLevel(BEFORE + name + AFTER, BEFORE.length() + name.length()), "as typed, the rest of the line turns");
        String isolated = DirectionControls.isolated(name);
        assertEquals("\u2066Bidi \u202ENamn\u202C\u2069", isolated);
        assertEquals(0, highestLevel(BEFORE + isolated + AFTER, BEFORE.length() + isolated.length()));
    }

    @Test
    void aTitleInHebrewLeavesTheDayOfTheDateAfterItInPlace() {
        String title = "שלום";
        assertEquals(2, highestLevel(title + AFTER, title.length()), "as typed, the day is laid out with the title");
        String isolated = DirectionControls.isolated(title);
        assertEquals(0, highestLevel(isolated + AFTER, isolated.length()));
    }

    @Test
    void textTypedTheUsualWayAndTextAlreadyIsolatedAreLeftAsTheyAre() {
        for (String text : new String[] {"Åsa Öberg", "", "Frivården Malmö, 12 inlägg", "Emoji 🎉 och José", "\u2067שלום\u2069 och hej"}) {
            assertSame(text, DirectionControls.isolated(text), text);
        }
        String once = DirectionControls.isolated("Kontor \u202EBidi");
        assertSame(once, DirectionControls.isolated(once));
        String inSentence = "Sök bland inläggen från " + once + " i mars 2026";
        assertSame(inSentence, DirectionControls.isolated(inSentence), "a sentence that holds an isolated name");
    }

    @Test
    void whatTheTextLeavesOpenIsClosedInsideItsIsolateAndACloserOfNothingIsLeftOut() {
        assertEquals("\u2066a\u2067b\u202Ec\u202C\u2069\u2069", DirectionControls.isolated("a\u2067b\u202Ec"), "an override in an isolate");
        assertEquals("\u2066a\u202Eb\u2067c\u2069\u202C\u2069", DirectionControls.isolated("a\u202Eb\u2067c"), "an isolate in an override");
        assertEquals("\u2066\u202E\u2067x\u202C\u2069\u202C\u2069", DirectionControls.isolated("\u202E\u2067x\u202C"),
                "a U+202C inside an isolate closes nothing outside it");
        assertEquals("\u2066ab\u05D0\u2069", DirectionControls.isolated("a\u2069b\u05D0"), "a U+2069 that closes nothing would close the isolate");
        assertEquals("\u2066\u202Ea\u2029b\u2069", DirectionControls.isolated("\u202Ea\u2029b"), "a paragraph's end closes everything");
    }

    @Test
    void whateverATextHoldsTheLineAroundItStaysLeftToRightAndTheTextLooksAsItDidAlone() {
        char[] alphabet = {'a', ' ', '1', ',', '\u05D0', '\u0627', '\u0661', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066',
            '\u2067', '\u2068', '\u2069', '\u200F'};
        Random random = new Random(20261203);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String value = text.toString();
            String isolated = DirectionControls.isolated(value);
            String line = BEFORE + isolated + AFTER;
            Bidi laidOut = new Bidi(line, Bidi.DIRECTION_LEFT_TO_RIGHT);
            for (int i = 0; i < line.length(); i++) {
                if (i < BEFORE.length() || i >= BEFORE.length() + isolated.length()) {
                    int at = i;
                    assertEquals(0, laidOut.getLevelAt(i), () -> escaped(value) + ": the line's own words at " + at);
                }
            }
            // Its letters, digits and commas in the same order on the screen as alone in a left-to-right line. Not checked
            // with a U+2069 in it, which may close nothing and be left out: alone, it still stood between its neighbours.
            if (value.indexOf('\u2069') >= 0) {
                continue;
            }
            List<Integer> alone = new ArrayList<>();
            List<Integer> inLine = new ArrayList<>();
            int j = BEFORE.length();
            for (int i = 0; i < value.length(); i++) {
                if (shown(value.charAt(i))) {
                    while (line.charAt(j) != value.charAt(i)) {
                        j++;
                    }
                    alone.add(i);
                    inLine.add(j++);
                }
            }
            assertEquals(onScreen(value, alone), onScreen(line, inLine), () -> escaped(value));
        }
    }

    /**
     * The order on the screen of the characters at these positions of a left-to-right line: each named by its place
     * among them (0 for the first of them in the text).
     */
    private static List<Integer> onScreen(String line, List<Integer> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        Bidi bidi = new Bidi(line, Bidi.DIRECTION_LEFT_TO_RIGHT);
        byte[] levels = new byte[line.length()];
        Integer[] order = new Integer[line.length()];
        for (int i = 0; i < line.length(); i++) {
            levels[i] = (byte) bidi.getLevelAt(i);
            order[i] = i;
        }
        Bidi.reorderVisually(levels, 0, order, 0, line.length());
        List<Integer> seen = new ArrayList<>();
        for (Integer i : order) {
            if (positions.contains(i)) {
                seen.add(positions.indexOf(i));
            }
        }
        return seen;
    }

    private static boolean shown(char c) {
        return Character.isLetterOrDigit(c) || c == ',';
    }

    /** The highest embedding level of the characters of the line from {@code from} on: 0 is left to right throughout. */
    private static int highestLevel(String line, int from) {
        Bidi bidi = new Bidi(line, Bidi.DIRECTION_LEFT_TO_RIGHT);
        int highest = 0;
        for (int i = from; i < line.length(); i++) {
            highest = Math.max(highest, bidi.getLevelAt(i));
        }
        return highest;
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x80 ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return out.toString();
    }
}
