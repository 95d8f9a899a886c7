package se.inlagg.local;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;
import se.inlagg.search.RebuildProgress;

/**
 * What `reindex` says while it works and if it is stopped: at 10,000 posts it takes seconds here and a minute or more
 * against AWS, and Ctrl-C would otherwise leave nothing said. A line at most every {@link #EVERY_NANOS}, so a small
 * blog's reindex prints only its result.
 */
final class ReindexProgress implements RebuildProgress {

    static final long EVERY_NANOS = 2_000_000_000L;

    private final PrintStream out;
    private final LongSupplier nanos;
    private final long started;
    private long lastSaid;
    private volatile int read;
    private volatile boolean finished;

    ReindexProgress(PrintStream out, LongSupplier nanos) {
        this.out = out;
        this.nanos = nanos;
        this.started = nanos.getAsLong();
        this.lastSaid = started;
    }

    /** Told after each page of posts read: a line when the last was long enough ago. */
    @Override
    public void postsRead(int postsRead) {
        read = postsRead;
        long now = nanos.getAsLong();
        if (now - lastSaid >= EVERY_NANOS) {
            lastSaid = now;
            out.println("Indexing: " + postsRead + " posts read so far (" + (now - started) / 1_000_000_000L + " s)");
        }
    }

    /**
     * The index built has been swapped in: nothing is left to say if the command is stopped now (said only once the
     * command returns, a stop while it deletes the old index's files would say search still uses it).
     */
    @Override
    public void swappedIn() {
        finished = true;
    }

    /**
     * What to say when the command is stopped before it finished; empty once it finished. The new index is swapped in
     * whole by one conditional write near the end, so whenever it stops, search has one index or the other, never half.
     */
    Optional<String> stoppedEarly() {
        if (finished) {
            return Optional.empty();
        }
        return Optional.of("inlagg reindex: stopped before it finished (" + read + (read == 1 ? " post" : " posts") + " read)."
                + " Nothing is lost: the new index is swapped in whole or not at all, and until then search uses the one it had"
                + " before. Run reindex again to build it.");
    }

    /** The last line, once the index is swapped in: its size in kB below a megabyte, where "0.0 MB" said nothing (a newcomer's run). */
    static String finished(int posts, long bytes, double seconds) {
        String size = bytes < 999_500 ? Math.max(1, Math.round(bytes / 1e3)) + " kB" : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        return String.format(Locale.ROOT, "Indexed %d posts (%s) in %.1f s", posts, size, seconds);
    }
}
