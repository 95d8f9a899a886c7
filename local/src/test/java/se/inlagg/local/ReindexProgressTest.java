package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReindexProgressTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final AtomicLong clock = new AtomicLong(1_000_000_000_000L);
    private final ReindexProgress progress = new ReindexProgress(new PrintStream(printed, true, StandardCharsets.UTF_8), clock::get);

    @Test
    void aLineAtMostEveryTwoSecondsSoASmallBlogSeesOnlyItsResult() {
        after(500, 100);
        assertEquals(List.of(), lines(), "half a second in: nothing yet");
        after(1_600, 200);
        after(300, 300);
        after(2_000, 400);
        assertEquals(List.of("Indexing: 200 posts read so far (2 s)", "Indexing: 400 posts read so far (4 s)"), lines());
    }

    @Test
    void stoppedBeforeItFinishedItSaysHowFarItCameAndThatNothingIsLost() {
        after(100, 100);
        after(100, 137);
        Optional<String> said = progress.stoppedEarly();
        assertTrue(said.orElseThrow().startsWith("inlagg reindex: stopped before it finished (137 posts read). Nothing is lost:"),
                said.get());
        assertTrue(said.get().endsWith("Run reindex again to build it."), said.get());
        progress.swappedIn();
        assertEquals(Optional.empty(), progress.stoppedEarly(), "once swapped in, nothing is left to say");
    }

    /** A small blog's index is some kilobytes: said so, where "(0.0 MB)" read as an index of nothing (a newcomer's run). */
    @Test
    void theLastLineSaysTheIndexsSizeInAUnitThatShowsIt() {
        assertEquals("Indexed 10 posts (12 kB) in 3.2 s", ReindexProgress.finished(10, 12_435, 3.24));
        assertEquals("Indexed 0 posts (1 kB) in 0.1 s", ReindexProgress.finished(0, 180, 0.1));
        assertEquals("Indexed 340 posts (420 kB) in 1.2 s", ReindexProgress.finished(340, 419_700, 1.2));
        assertEquals("Indexed 20000 posts (23.5 MB) in 41.0 s", ReindexProgress.finished(20_000, 23_480_000, 41));
    }

    private void after(long millis, int postsRead) {
        clock.addAndGet(millis * 1_000_000L);
        progress.postsRead(postsRead);
    }

    private List<String> lines() {
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
