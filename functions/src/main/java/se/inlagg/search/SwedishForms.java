package se.inlagg.search;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.tartarus.snowball.ext.SwedishStemmer;
import se.inlagg.posts.DirectionControls;
import se.inlagg.posts.SwedishOrder;

/**
 * The forms of one lower-cased word that the index holds, all at the word's position: its stem folded to
 * ASCII first, then its stem as spelt ({@code möt} of "möten"), then the stem of the word typed without
 * å, ä and ö ({@code vaster} of "Västerås", as "vasteras" stems).
 *
 * <p>Why three (found by a probe): folding the stem alone made "möte" and "mot" one word, and "år" and
 * "är", while a word typed without its accents stems differently from the accented one ("vasteras" loses
 * "as", "västerås" does not), so "vasteras", "frivardsinspektor" or "jose" found nothing. A query word
 * typed with å, ä or ö in its stem is sought by its stem as spelt, which only that word has; one typed
 * in plain letters by the stem of those letters, which the folded stem and the plain stem both hold.
 */
final class SwedishForms extends TokenFilter {

    /** One word's forms: {@code plain} equals {@code folded} for most words; {@code exact} too for words in plain letters. */
    record Forms(String folded, String exact, String plain) {
    }

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final Stems stems = new Stems();
    private final ArrayDeque<String> pending = new ArrayDeque<>(2);
    private final boolean names;
    private State word;

    /** @param names whether the words are names, kept whole (their forms without stemming: {@link Stems#ofName}) */
    SwedishForms(TokenStream input, boolean names) {
        super(input);
        this.names = names;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            restoreState(word);
            term.setEmpty().append(pending.poll());
            increment.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        Forms forms = names ? Stems.ofName(term.toString()) : stems.of(term.toString());
        if (!forms.exact().equals(forms.folded())) {
            pending.add(forms.exact());
        }
        if (!forms.plain().equals(forms.folded()) && !forms.plain().equals(forms.exact())) {
            pending.add(forms.plain());
        }
        term.setEmpty().append(forms.folded());
        if (!pending.isEmpty()) {
            word = captureState();
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        word = null;
    }

    /** Finds the forms of words, one after another (Snowball's stemmer keeps state: one per thread of use). */
    static final class Stems {

        private final SwedishStemmer stemmer = new SwedishStemmer();

        /** An abbreviation with its ending after a colon, as Swedish writes them: "kvv:s", "apt:n" (not "s:t" for Sankt, nor "d:o"). */
        private static final Pattern ENDED = Pattern.compile("([\\p{L}\\d]{2,}):\\p{L}{1,3}");

        /**
         * The forms of a lower-cased word; an abbreviation's ending after its colon is no part of it (found by a probe: "KVV:s"
         * was not KVV). Danish and Norwegian ø and æ are Swedish ö and ä, as the lists sort them: a Swedish keyboard has
         * neither, so "Ödegaard" finds Ødegaard (found by a probe: only "odegaard" did). Controls that set a direction are
         * no part of a word: an excerpt's paragraph closes what it left open right after its last word, and "slut\u202C" is
         * "slut" (analysis 20; pasted right-to-left text carries marks too).
         */
        Forms of(String typed) {
            String word = asTyped(typed);
            Matcher ended = word.indexOf(':') < 0 ? null : ENDED.matcher(word);
            String lower = ended != null && ended.matches() ? ended.group(1) : word;
            String stem = stem(lower);
            String plainWord = fold(lower);
            return new Forms(fold(stem), stem, plainWord.equals(lower) ? fold(stem) : stem(plainWord));
        }

        /**
         * The forms of a lower-cased word of a name: the word whole, folded and as spelt, never stemmed (found by a
         * probe: "Ärlig" found Ärla Bengtsson, and "Hansen" would find Hans).
         */
        static Forms ofName(String typed) {
            String word = asTyped(typed);
            String folded = fold(word);
            return new Forms(folded, word, folded);
        }

        /**
         * A lower-cased word in the letters a keyboard types: without direction controls, ø and æ as ö and ä, and a
         * typeset form as its letters (Unicode's compatibility forms, NFKC): a word copied from a PDF has its ligatures,
         * "ﬂödet" with "ﬂ" one character, and one from some Asian fonts fullwidth letters, "Ｍöte"; each was found only by
         * its folded spelling, never as a reader types it (analysis 22; found by a probe).
         */
        private static String asTyped(String typed) {
            String word = SwedishOrder.asSwedishLetters(DirectionControls.withoutControls(typed));
            // Only a word with a letter beyond ASCII can be other in NFKC: the rest pay one scan.
            if (word.chars().allMatch(c -> c < 0x80) || Normalizer.isNormalized(word, Normalizer.Form.NFKC)) {
                return word;
            }
            return Normalizer.normalize(word, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        }

        /**
         * Words in "-an" that are no definite form of a noun in "-a": adverbs and conjunctions, words of other tongues,
         * and first names ("Göran" would be "gör", "sedan" "sed", "mellan" "mell"; from a review). Read off the wswedish
         * word list's words in "-an" whose "-a" form it does not hold, less the rare ones, with the first names in
         * "-an" common in Sweden. Words ending in "man" (not "-mman", as "stämman", nor "firman"), "plan" and "gran" are left
         * alone too ("talman", "handlingsplan").
         */
        private static final Set<String> NOT_DEFINITE_AN = withPlainSpellings("sedan", "medan", "redan", "innan", "mellan",
                "emellan", "nedan", "ovan", "undan", "annan", "samman", "framan", "sådan", "likadan", "hurdan", "emedan", "förutan",
                "ocean", "organ", "roman", "japan", "human", "urban", "vegan", "spontan", "veteran", "slogan", "sopran", "tulpan",
                "vulkan", "altan", "sultan", "titan", "sudan", "taiwan", "indian", "mexikan", "puritan", "huligan", "kumpan", "orkan",
                "johan", "göran", "örjan", "stefan", "staffan", "stellan", "håkan", "kristian", "christian", "sebastian", "jonatan",
                "adrian", "fabian", "julian", "vivian", "lilian", "marian", "milan", "jordan", "susan", "morgan", "ivan", "dragan",
                "tristan", "logan", "allan", "alan", "natan");
        /** Words in "-s" that are no genitive of the word before it, whose stem would then be another word's ("annars" "anna"). */
        private static final Set<String> NOT_GENITIVE = Set.of("annars", "anders");
        /**
         * Stems whose "r" or "n" before a vowel's ending is their own, no "-er" or "-en" with its "e" dropped, that would
         * otherwise be a common word's: "andra" no "and", "hundra" no "hund", "undrar" no "under", "ändra" no "ända",
         * "vägra" no "väg", "vittne" no "vitt", "vissna" no "viss"; and so in compounds ("förändra", "tvåhundra"). Read off
         * the wswedish words whose stem the rule changed; from a review of those, the words of an office the rule made
         * another's: "extra" no "extern", "kontrast" no "kontor", "diskret" no "disk", "Petra" no "Peter", "lagra" no "lag"
         * (so "lagret" is apart from "lager", as before the rule).
         */
        private static final Set<String> NOT_DROPPED_VOWEL = withPlainSpellings("andr", "hundr", "undr", "ändr", "vägr",
                "vittn", "vissn", "extr", "kontr", "diskr", "petr", "lagr");
        /** Words in å, ä or ö and "-n" that are no definite form ("grön" would part from "gröna"). */
        private static final Set<String> NOT_DEFINITE_N = Set.of("grön", "skön", "från", "hän");
        /**
         * Nouns in å, ä or ö and "-n" of their own, alone or ending a compound ("förmån", "månadslön", "studielån"): no
         * definite form either (found by a search probe: "förmån" was "förmå", and found neither "förmånen" nor "förmåner").
         */
        private static final List<String> OWN_N_ENDINGS = List.of("lön", "lån", "förmån", "vän", "hån");
        /** Words in "-ena" that are no definite plural of a noun in "-e" ("förena" would be "för"; from a review). */
        private static final Set<String> NOT_DEFINITE_ENA = withPlainSpellings("förena", "förorena", "förmena", "helena",
                "magdalena", "allena");

        /** The words, and each as typed without å, ä and ö ("goran" is Göran too; from a review). */
        private static Set<String> withPlainSpellings(String... words) {
            Set<String> all = new HashSet<>();
            for (String w : words) {
                all.add(w);
                all.add(fold(w));
            }
            return Set.copyOf(all);
        }

        /**
         * Snowball's stem, then the inflections its rules leave on a Swedish noun taken off too, so every form of a
         * noun is one word (found by a probe: "veckan" did not find "vecka", "regeln" not "regler", "mötena" not "möte",
         * "kontoren" not "kontor", "rummet" not "rum", "året" not "år"). Each rule is a function of Snowball's stem and
         * the word, and at most one of the first five applies:
         * <ul>
         * <li>a stem of four letters, "å", "ä" or "ö", a consonant and "-et" or "-en", is its first two ("året", "årets",
         *     "åren" are "år"); not in plain letters, where "aret" would be "ar", as "är" is indexed;
         * <li>"-n" and "-s" after å, ä, ö or é, a definite singular or a genitive Snowball leaves ("miljön", "byrån",
         *     "idén", "Malmös"), but not for a few words that are none ("grön");
         * <li>"-an", the definite singular of a noun in "-a" ("veckan" is "vecka", then "veck"), but not for the words
         *     that are none ({@link #NOT_DEFINITE_AN}), nor for a stem Snowball made by taking off an "s" from five
         *     letters, as "balans" would otherwise be "bal";
         * <li>"-n" after "-el", "-or" and "-er", the definite singular of those nouns ("regeln" is "regel", "datorn" "dator");
         * <li>"-na" after "-en", the definite plural of a noun in "-e", which Snowball takes off without the "-en" it then
         *     leaves ("mötena" is "möten", then "möt"), but not for the few that are none ({@link #NOT_DEFINITE_ENA});
         * <li>a stem in "-or" that Snowball made by taking off an ending is stemmed once more, as the word in "-or"
         *     is ("kontoren" is "kontor", then "kont", as "kontor" is; "datorer" as "dator");
         * <li>the definite neuter "-et", as before: stemmed again until it holds still ("kontoret" is "kontore", then
         *     "kontor", then "kont"; "fängelset" is "fängelse", then "fäng"). Not under five letters. A stem's "-et"
         *     that is no ending merges a few words that were not one ("internet" with "intern");
         * <li>"rumm", "programm" and "hemm" before a definite ending are "rum", "program" and "hem" ("rummet",
         *     "programmet", "hemmet"): only those, as most doubled consonants are the word's own ("timme", "minne":
         *     "minnet" would be "min"; from a review);
         * <li>a consonant's "-el" is "-l", as Swedish drops the "e" when an ending follows ("regel" is "regl" as
         *     "regler" is, "nyckel" as "nycklar");
         * <li>and the other way round for "-er" and "-en": "vintrar" is "vinter", "öppna" "öppen" ({@link #withoutDroppedVowel}).
         * </ul>
         * Measured against the 121,000 inflected forms of the wswedish word list (StemmerWordListBenchmark for "-s"): of
         * 6,578 nouns whose four forms it holds, 76 % had one stem before these rules and 92 % have now; the pairs the rules newly merge are, by a
         * sample read, forms of one word ("veckan"/"veckor", "konferensrum"/"konferensrummet"). Of its 44,184 pairs of a
         * word and the word with "-s" after it, 78 % had one stem before the rule for "-s" (first in the method) and 95 % have
         * now (99 % with passives, left out since a review found nouns in "-ts" read as them); of the 7,248 words whose stem
         * it changed, a sample of 40 read were each merged with forms of its own word ("nationers" with "nation",
         * "erfarenheternas" with "erfarenhet"), and the two short words it merged with another's are left out
         * ({@link #NOT_GENITIVE}). A few rare ones still are ("revers" with "rev", "divers" with "diva"). Of its 1,731
         * pairs of a word in "-er" or "-en" after a consonant and a form of it with the "e" dropped (the second method of
         * StemmerWordListBenchmark), 36.5 % had one stem before {@link #withoutDroppedVowel}, 67.6 % at it, 66.8 % once
         * a comparative's "-re" was left out (from a review: the pairs it lost were words and comparatives that are not one,
         * "läger" and "lägre", "höger" and "högre", and a few weak forms, "vackre") and 66.4 % with the stems a review found
         * another word's left out too ("lager" and "lagret"); most still apart are participles in "-na" after a consonant
         * other than "p" or "v" ("föreslagna"), left so as verbs in "-na" ("sakna", "ordna") would otherwise be nouns they
         * are not.
         */
        private String stem(String word) {
            String stem = snowball(word);
            if (word.length() >= 5 && word.endsWith("s") && !NOT_GENITIVE.contains(word)) {
                // A genitive is the word before its "-s": when Snowball took the "-s" off as an ending, and finds an ending
                // in the word before it, that word's stem is the stem (found by a probe: "Kalmars"
                // was "kalmar" and "Kalmar" "kalm", "lärares" "lärar" and "lärare" "lär"). Not when the word before has no
                // ending Snowball knows ("balans" is no genitive of "balan", which the rules below would make "bal"), nor when
                // its only one is a supine's "-at": nouns in "-ts" read so ("insats" would be "inse", "palats" "palett"; from a
                // review), and a passive ("bokats") stays apart from its verb, as before.
                String base = word.substring(0, word.length() - 1);
                String baseStem = snowball(base);
                if (base.startsWith(stem) && !baseStem.equals(base) && !base.equals(baseStem + "at")) {
                    return stem(base);
                }
            }
            int n = stem.length();
            if (n == 4 && (stem.endsWith("et") || stem.endsWith("en")) && "åäö".indexOf(stem.charAt(0)) >= 0 && !vowel(stem.charAt(1))) {
                stem = stem.substring(0, 2);
            } else if (n >= 4 && stem.equals(word) && (stem.endsWith("n") || stem.endsWith("s")) && "åäöé".indexOf(stem.charAt(n - 2)) >= 0
                    && !NOT_DEFINITE_N.contains(stem) && !(stem.endsWith("s") && n < 5) && OWN_N_ENDINGS.stream().noneMatch(stem::endsWith)) {
                // A noun ending in å, ä, ö or é takes "-n" for its definite form and "-s" for its genitive, which Snowball
                // leaves ("miljön", "byrån", "idén", "Malmös"; from a Swedish reader's probe: "miljö" missed "IT-miljön").
                stem = stem.substring(0, n - 1);
            } else if (n >= 5 && stem.endsWith("an") && (n >= 6 || !word.equals(stem + "s")) && !NOT_DEFINITE_AN.contains(stem)
                    && !(stem.endsWith("man") && !stem.endsWith("mman") && !stem.equals("firman")) && !stem.endsWith("plan")
                    && !stem.endsWith("gran")) {
                stem = snowball(stem.substring(0, n - 1));
            } else if (n >= 6 && (stem.endsWith("eln") || stem.endsWith("orn") || stem.endsWith("ern"))) {
                stem = snowball(stem.substring(0, n - 1));
            } else if (word.endsWith("ena") && stem.equals(word.substring(0, word.length() - 1)) && !NOT_DEFINITE_ENA.contains(word)) {
                stem = snowball(stem);
            } else if (n >= 5 && stem.endsWith("or") && word.length() > n) {
                stem = snowball(stem);
            }
            if (endsDefiniteNeuter(stem)) {
                String previous;
                stem = stem.substring(0, stem.length() - 1);
                do {
                    previous = stem;
                    stem = snowball(stem);
                    if (endsDefiniteNeuter(stem)) {
                        stem = stem.substring(0, stem.length() - 1);
                    }
                } while (!stem.equals(previous));
            }
            n = stem.length();
            if ((stem.endsWith("rumm") || stem.endsWith("programm") || stem.endsWith("hemm"))
                    && (word.startsWith(stem + "et") || word.startsWith(stem + "en"))) {
                stem = stem.substring(0, n - 1);
            }
            n = stem.length();
            if (n >= 5 && stem.endsWith("el") && !vowel(stem.charAt(n - 3)) && stem.charAt(n - 3) != 'l') {
                stem = stem.substring(0, n - 2) + "l";
            }
            return withoutDroppedVowel(word, nounInNad(word, stem));
        }

        /** What follows a noun in "-nad" in its forms: "kostnad", "kostnaden", "kostnader", "kostnadernas", .... */
        private static final Set<String> NAD_ENDINGS = Set.of("", "en", "ens", "er", "erna", "ernas", "ers");

        /**
         * A noun in "-nad" has the stem Snowball gives the word alone, which takes its "-ad" off as a participle's
         * ("kostnad" is "kostn"), where the noun's other forms kept it ("kostnader" was "kostnad"): found by a review,
         * "kostnad" did not find "kostnader", nor "månad" "månaden", "marknad" "marknader". Only the noun's own endings
         * follow it, so "Kanada" keeps its stem ("kan" is another word), and a participle in "-nad" ("ordnad") was "ordn"
         * already.
         */
        private static String nounInNad(String word, String stem) {
            int n = stem.length();
            return n >= 5 && stem.endsWith("nad") && word.startsWith(stem) && NAD_ENDINGS.contains(word.substring(n))
                    ? stem.substring(0, n - 2) : stem;
        }

        /**
         * A noun or adjective in "-er" or "-en" drops its "e" when an ending follows ("vinter", "vintrar"; "säker",
         * "säkra"; "öppen", "öppna"; "vatten", "vattnet"), so Snowball, which takes off "-er" and "-en" but not the
         * ending's vowel alone, gave the two forms two stems ("vint", "vintr"). A stem that ends so after Snowball took a
         * vowel's ending off is the stem of the word with its "e" back, when Snowball takes that "-er" or "-en" off too:
         * "r" after a consonant that cannot end a Swedish word before it, "n" only after "p", "v" or a doubled consonant other than "mm" and "nn"
         * ("beskrivna" is "beskriven"), as "barnen", "molnen", "ordna", "sakna" and "lugnet" are words of their own ("barn" is
         * no "bar", "sakna" no "sak"); not before "-ig", where
         * "aldrig" and "intrig" would be "ålder" and "inte", nor before a lone "e" after the "r", which is a comparative's
         * "-re" ("lägre" would be "läge", "mindre" "mindes"; from a review), nor for the few stems of {@link #NOT_DROPPED_VOWEL}.
         */
        private String withoutDroppedVowel(String word, String stem) {
            int n = stem.length();
            if (n < 4 || word.length() <= n || !word.startsWith(stem) || !vowel(word.charAt(n)) || word.startsWith("ig", n)) {
                return stem;
            }
            char last = stem.charAt(n - 1);
            char before = stem.charAt(n - 2);
            boolean droppedFromEr = last == 'r' && "bdfgkpstv".indexOf(before) >= 0 && !word.equals(stem + "e");
            // Never after "mm" or "nn": Swedish writes no doubled "m" or "n" before a consonant ("komna", "somrar"), so
            // "kommnen" is no "kommen" but "kommunen" mistyped, left to be found as one (SearchBenchmark's typos found nothing).
            boolean droppedFromEn = last == 'n' && (before == 'p' || before == 'v'
                    || before == stem.charAt(n - 3) && !vowel(before) && before != 'm' && before != 'n');
            // The exceptions are looked through last, for the few stems that end so: most words of a text get this far.
            if (!droppedFromEr && !droppedFromEn || NOT_DROPPED_VOWEL.stream().anyMatch(stem::endsWith)) {
                return stem;
            }
            String base = stem.substring(0, n - 1);
            return snowball(base + "e" + last).equals(base) ? base : stem;
        }

        private static boolean vowel(char c) {
            return "aeiouyåäöéü".indexOf(c) >= 0;
        }

        /**
         * What follows an adjective's "-ig" or "-lig" in its forms, its adverb's "-igen"/"-ligen" and its noun's
         * "-ighet"/"-lighet"; a noun's "liga" ("gängliga", "gängligor", "gängligorna") or "-ig" ("intrig", "intriger"); and a
         * verb's made of them ("bemyndiga", "bemyndigar", "förtydligade"; from a review: they split from their infinitive).
         */
        private static final String[] ADJECTIVE_SUFFIXES = {"lig", "ig"};
        private static final Set<String> ADJECTIVE_ENDINGS = Set.of("", "a", "t", "e", "en", "are", "ast", "aste",
                "het", "heten", "heter", "heterna", "hetens", "heters", "hets", "or", "orna", "ornas", "ors", "as", "er", "erna", "ernas",
                "ers", "ar", "ade", "ades", "ande", "ad", "at", "ats");

        /**
         * An adjective keeps its "-lig" or "-ig": Snowball takes them off, making "vänlig" the word "vän", "personlig"
         * "person", "hemlig" "hem", "daglig" "dag" (found by an API probe: "vänligen", in so many notes, found every post
         * with a friend in it), "viktig" "vikt", "helig" "hel" and "färdig" "färd" (from a review). Its own forms stay one
         * word ("vänligt", "vänligen", "vänlighet"; "möjlig", "möjligheter"), and so do a "liga"'s.
         */
        private static String keepingAdjective(String word, String stem) {
            if (!word.startsWith(stem)) {
                return stem;
            }
            // Every stem of every word passes here, at indexing and at each search: a word without the suffix makes no string.
            for (String suffix : ADJECTIVE_SUFFIXES) {
                if (word.startsWith(suffix, stem.length())
                        && ADJECTIVE_ENDINGS.contains(word.substring(stem.length() + suffix.length()))) {
                    return word.substring(0, stem.length() + suffix.length());
                }
            }
            return stem;
        }

        /** What follows an adjective's "-bar" in its forms and its noun's ("hållbara", "hållbart", "hållbarare", "hållbarhet"). */
        private static final Set<String> BAR_ENDINGS = Set.of("", "a", "t", "are", "ast", "aste", "het", "heten",
                "heter", "heterna", "hetens", "heters", "hets");

        /**
         * An adjective in "-bar" is one word in all its forms: Snowball takes "-ar" off the base form ("hållbar" is "hållb")
         * but only "-a" off the plural ("hållbara" is "hållbar") and nothing off the neuter ("hållbart"), so "hållbar" found
         * neither "Hållbara resor" nor "hållbarhet", and offered "hålls" as a like word (found by a Swedish reader's probe).
         * Not "snabbare", whose "bar" is no suffix, nor "bara", which has nothing before it, nor a verb's or a plural's "-ar"
         * after "bb" or "mb" ("jobbar", "drabbar", "klubbar", "jordgubbar", "bombar"), which in the words of Debian's
         * wswedish list only such words have before "bar", but for "bestämbar" and its negation, left apart.
         */
        private static String keepingBar(String word, String stem) {
            int at = word.lastIndexOf("bar");
            // Every word passes here: only one with "bar" two letters in makes a string ("ätbar"; "bara" has nothing before it).
            if (at < 2 || word.charAt(at - 1) == 'b' || word.charAt(at - 1) == 'm' || !BAR_ENDINGS.contains(word.substring(at + 3))) {
                return stem;
            }
            return word.substring(0, at + 3);
        }

        /** Snowball's stem of a word, with an adjective's "-ig", "-lig" or "-bar" kept ({@link #keepingAdjective}, {@link #keepingBar}). */
        private String snowball(String word) {
            stemmer.setCurrent(word);
            stemmer.stem();
            return keepingBar(word, keepingAdjective(word, stemmer.getCurrent()));
        }

        private static boolean endsDefiniteNeuter(String stem) {
            return stem.length() >= 5 && stem.endsWith("et");
        }

        private static String fold(String word) {
            char[] in = word.toCharArray();
            char[] out = new char[in.length * 4];
            int length = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
            return new String(out, 0, length);
        }
    }
}
