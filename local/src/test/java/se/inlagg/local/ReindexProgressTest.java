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

    private void after(long millis, int postsRead) {
        clock.addAndGet(millis * 1_000_000L);
        progress.postsRead(postsRead);
    }

    private List<String> lines() {
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
