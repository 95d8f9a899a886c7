package se.inlagg.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SwedishOrderTest {

    private static List<String> sorted(String... names) {
        return List.of(names).stream().sorted(SwedishOrder.byName((String n) -> n)).toList();
    }

    @Test
    void swedishLettersComeAfterZAndCaseOnlyDecidesBetweenNamesOtherwiseAlike() {
        assertEquals(List.of("Eva", "Zorn", "Åsa", "Ärla", "Örjan"), sorted("Örjan", "Åsa", "Zorn", "Ärla", "Eva"));
        assertEquals(List.of("frivård", "Frivård"), sorted("Frivård", "frivård"));
        // ø and æ sort as the ö and ä they are in Swedish lists, not after ö.
        assertEquals(List.of("Zorn", "Ärö", "Ærø", "Ølstue", "Öst"), sorted("Öst", "Ølstue", "Ärö", "Zorn", "Ærø"));
    }

    /** "<Taggen>" is filed under T, not first of all categories: marks decide only between names otherwise alike. */
    @Test
    void punctuationAroundAndBetweenWordsIsNotFiledBy() {
        assertEquals(List.of("Arbetsmiljö", "”Fika”", "#metoo", "<Taggen>", "Vecka 1-2", "Vecka 10"),
                sorted("<Taggen>", "Vecka 10", "#metoo", "Vecka 1-2", "”Fika”", "Arbetsmiljö"));
        assertEquals(List.of("C", "C#", "C++"), sorted("C++", "C", "C#"), "alike but for marks: the collator decides, one order");
    }

    @Test
    void numbersGoByTheirValue() {
        // "2 tips" before "10 tips".
        assertEquals(List.of("2 tips", "10 tips", "Vecka 9", "Vecka 10", "Vecka 52"), sorted("Vecka 10", "10 tips", "Vecka 52", "2 tips", "Vecka 9"));
        assertEquals(List.of("Budget 2024", "Budget 2025 i Umeå", "Budget 2025 i Ystad"),
                sorted("Budget 2025 i Ystad", "Budget 2024", "Budget 2025 i Umeå"));
        assertEquals(List.of("2", "10", "99999999999999999999"), sorted("99999999999999999999", "10", "2"), "however long");
        assertEquals(0, SwedishOrder.compare("Kvartal 3", "Kvartal 3"));
        // Case does not decide run by run, before the number after it.
        assertEquals(List.of("Vecka 9", "vecka 10", "Vecka 11"), sorted("vecka 10", "Vecka 9", "Vecka 11"));
        assertEquals(List.of("A 1 c", "a 2 b"), sorted("a 2 b", "A 1 c"));
    }

    @Test
    void theOrderNeverGoesRoundInACircle() {
        // Numbers by value beside text by the collator, marks that look like digits ("²", "٥") among them: still one order.
        List<String> names = List.of("9", "10", "²", "٥", "2 tips", "10 tips", "Åsa", "asa", "Eva 2", "Eva ²", "02", "2", "", " ", "a1b", "a01b",
                "vecka 10", "Vecka 9", "Vecka 10", "VECKA 9", "Vecka 9b", "Vécka 9", "<Vecka 9>", "C#", "C++", "C", "#", "-", "a-1");
        for (String a : names) {
            for (String b : names) {
                assertEquals(Integer.signum(SwedishOrder.compare(a, b)), -Integer.signum(SwedishOrder.compare(b, a)), a + " / " + b);
                for (String c : names) {
                    if (SwedishOrder.compare(a, b) <= 0 && SwedishOrder.compare(b, c) <= 0) {
                        assertTrue(SwedishOrder.compare(a, c) <= 0, a + " <= " + b + " <= " + c);
                    }
                }
            }
        }
    }
}
