package se.inlagg.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.inlagg.json.Json;

/**
 * The current commit of the index: the files it is made of, by Lucene's name, each with its key (an
 * object's, or for a held file one that only tells its versions apart) and its size, and a small file's
 * bytes in the manifest itself. A lineage is one index
 * built from scratch; Lucene reuses file names in a new lineage, so a reader that sees the lineage
 * change starts from an empty copy.
 */
record Manifest(String lineage, long generation, Map<String, FileRef> files, int analysis) {

    /**
     * The forms words are indexed in, by this code: 2 since SwedishForms (a word's plain stem beside its
     * folded one), 3 since ø and æ are indexed as ö and ä and an author's name has a field of its own, its words
     * whole, 5 since a stem's definite neuter "-et" is taken off and the rest stemmed again ("kontoret" is "kontor"; 4 took it
     * off once, which missed most), 6 since the other inflections Snowball leaves on a noun are ("veckan", "regeln", "mötena",
     * "rummet", "året"), 7 since each word's stem is also held reversed, for compounds (CompoundWords), with those rules
     * narrowed after two reviews (6 was never released; from a review: an index of 6 built by the code between them would
     * have been kept), 8 since a word's stem as typed without å, ä and ö is held reversed too, with nouns in å, ä, ö or é
     * and "-n" or "-s" one word ("miljön", "Malmös"), 9 since each post holds the paths of its facets, which a search's scope
     * filters on (SearchScope), 10 since words written with hyphens are held joined too ("e-post" found by "epost"), 11 since
     * a text's soft hyphens and zero-width spaces no longer split its words ("sam\u00ADverkan" found by "samverkan"), 12 since
     * a genitive in "-s" has the stem of the word before it ("Kalmars" found by "Kalmar"), 13 since a word in "-er" or
     * "-en" and its forms with the "e" dropped are one ("vintrar" found by "vinter"), 14 since a comparative's "-re" is
     * no such form ("lägre" not found by "läge"; from a review: an index of 13 would have been kept), 15 since a few words
     * whose "r" is their own are no such form either ("extra" not found by "extern"), 16 since a noun in "-nad" is one
     * word in all its forms ("kostnader" found by "kostnad"), 17 since "n" after "mm" or "nn" is no such form ("kommnen", a
     * typo, is not "kommen"), 18 since an adjective's "-lig" or "-ig" is kept ("vänligen" not found by "vän", "viktig" not by "vikt"), 19 since a stem
     * as a word typed without å, ä and ö is stemmed is held apart, never a compound's first part ("godkände" not found by "and"),
     * and an adjective in "-bar" is one word in all its forms ("hållbara" and "hållbarhet" found by "hållbar"), 20 since a
     * direction control in a word is no part of it (a paragraph's words close the override they leave open right after
     * their last word: "slut" found in "slut\u202C"), 21 since an excerpt its author wrote and the picture's alt text and
     * caption are searched (PostDocument.MORE), and a noun ending a compound in "-lön", "-lån", "-förmån", "-vän" or "-hån"
     * is no definite form ("förmån" found by "förmåner"), 22 since a typeset form is read as its letters (a PDF's
     * ligature: "ﬂödet" found by "flödet").
     * A manifest without the field is 1. An index of an older analysis still answers every
     * query, less well (in one of 8 a scope is checked on each hit's stored fields), and the indexer builds it anew at its next batch.
     */
    static final int ANALYSIS = 22;

    /**
     * The most bytes of index files a manifest holds itself (some 350 KB of JSON). A post of a few KB makes a segment of
     * some 20 KB, and Lucene merges segments about ten at a time, so this holds the small segments between merges: of 120
     * one-post batches (SearchServiceTest), 9 put an object, a merged segment too large for it, where at 64 KB 71 did.
     * Every reader fetches the whole manifest after each change, in one request where it fetched the manifest and then
     * the new files.
     */
    static final int INLINE_AT_MOST = 256 * 1024;

    /**
     * One file of the commit. A file stored in the bucket has its own object under {@code key}; a small one is
     * {@code inline}: its bytes (in Base64) are in the manifest, and its key, as unique as a stored file's, only tells
     * one version of it from another and names no object.
     */
    record FileRef(String key, long size, Optional<String> inline) {

        static FileRef stored(String key, long size) {
            return new FileRef(key, size, Optional.empty());
        }

        static FileRef inline(String key, byte[] bytes) {
            return new FileRef(key, bytes.length, Optional.of(Base64.getEncoder().encodeToString(bytes)));
        }

        /** The key of its own object in the bucket; empty for a file the manifest holds. */
        Optional<String> storedKey() {
            return inline.isPresent() ? Optional.empty() : Optional.of(key);
        }

        byte[] inlineBytes() {
            return Base64.getDecoder().decode(inline.orElseThrow());
        }
    }

    Manifest {
        files = Map.copyOf(files);
    }

    long bytes() {
        return files.values().stream().mapToLong(FileRef::size).sum();
    }

    /** The bytes of the files this manifest holds itself. */
    long bytesHeld() {
        return files.values().stream().filter(f -> f.inline().isPresent()).mapToLong(FileRef::size).sum();
    }

    /** The keys of this manifest's files that are objects of their own in the bucket. */
    Set<String> storedKeys() {
        Set<String> keys = new HashSet<>();
        files.values().forEach(f -> f.storedKey().ifPresent(keys::add));
        return keys;
    }

    byte[] toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lineage", lineage);
        out.put("generation", generation);
        out.put("analysis", analysis);
        Map<String, Object> list = new LinkedHashMap<>();
        files.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("key", e.getValue().key());
            f.put("size", e.getValue().size());
            e.getValue().inline().ifPresent(b -> f.put("bytes", b));
            list.put(e.getKey(), f);
        });
        out.put("files", list);
        return Json.write(out).getBytes(StandardCharsets.UTF_8);
    }

    static Manifest parse(byte[] json) {
        if (!(Json.read(new String(json, StandardCharsets.UTF_8)) instanceof Map<?, ?> root)
                || !(root.get("lineage") instanceof String lineage) || !(root.get("generation") instanceof Number generation)
                || !(root.get("files") instanceof Map<?, ?> list)) {
            throw new IllegalStateException("the search manifest is not one this code wrote");
        }
        Map<String, FileRef> files = new LinkedHashMap<>();
        list.forEach((name, value) -> {
            if (!(value instanceof Map<?, ?> f) || !(f.get("key") instanceof String key) || !(f.get("size") instanceof Number size)) {
                throw new IllegalStateException("the search manifest names a file without a key and size: " + name);
            }
            Optional<String> inline = f.get("bytes") instanceof String b ? Optional.of(b) : Optional.empty();
            files.put(String.valueOf(name), new FileRef(key, size.longValue(), inline));
        });
        int analysis = root.get("analysis") instanceof Number n ? n.intValue() : 1;
        return new Manifest(lineage, generation.longValue(), files, analysis);
    }
}
