package se.inlagg.search;

/**
 * How the indexer lays its index out in S3: how many bytes of small files ride in the manifest, and below what size Lucene
 * weighs a segment as that size when it picks merges. {@link #DEPLOYED} is what every function runs with; the others exist
 * so tests and the search benchmark can measure a layout against it in the same run (SearchBenchmark's burst puts another
 * merge floor beside the deployed one).
 *
 * @param inlineAtMost bytes of the smallest files held in the manifest itself (0: every file an object of its own)
 * @param mergeFloorMB segments under this many MB are merged as if this size ({@code TieredMergePolicy.setFloorSegmentMB})
 */
public record IndexTuning(int inlineAtMost, double mergeFloorMB) {

    /**
     * Lucene 10's own default, named so the benchmark's comparison says what it compares. A floor of 2 MB was deployed on
     * 2026-12-05 on a probe's measurement, two bursts on an index built under 16 MB, and taken back the same day: with
     * each floor on an index it built itself, post by post as the stream does (SearchBenchmark's burst, indexes of 7 and
     * 30 MB, built in batches of 8 or 100 posts), 2 MB indexed a burst in two to three times the time and left up to 17 objects
     * where 16 MB left 3 or 4 (docs/PERFORMANCE.md).
     */
    public static final double MERGE_FLOOR_MB = 16;

    public static final IndexTuning DEPLOYED = new IndexTuning(Manifest.INLINE_AT_MOST, MERGE_FLOOR_MB);

    public IndexTuning {
        if (inlineAtMost < 0 || !(mergeFloorMB > 0)) {
            throw new IllegalArgumentException("inlineAtMost " + inlineAtMost + ", mergeFloorMB " + mergeFloorMB);
        }
    }

    public IndexTuning withInlineAtMost(int bytes) {
        return new IndexTuning(bytes, mergeFloorMB);
    }

    public IndexTuning withMergeFloorMB(double megabytes) {
        return new IndexTuning(inlineAtMost, megabytes);
    }
}
