package se.inlagg.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The README's examples work as written, so the README cannot drift from the code. Every {@code sh}
 * block of README.md runs, top to bottom in one bash as a reader pastes them into one terminal,
 * under {@code set -euo pipefail}, in the repository's folder, against a server started as
 * {@code ./inlagg} starts one: a new data folder with the example posts and its author token saved
 * there, here on a free port (the blocks read PORT and DATA_DIR as the server does). Each block is
 * a test: the one that fails shows what it printed, and the blocks after it did not run.
 */
class ReadmeExamplesTest {

    private static final String MARK = "@@readme-block ";

    @TestFactory
    Stream<DynamicTest> everyShellBlockRunsAsWrittenAgainstAFreshServer() throws Exception {
        List<ReadmeBlocks.Block> blocks = ReadmeBlocks.shellBlocks(readme());
        assertTrue(blocks.size() >= 5, "the README's runnable examples: " + blocks.size());
        Path data = Files.createTempDirectory("inlagg-readme");
        // The blocks' own temporary files (the picture's) go here, to see that they clean up as they go.
        Path tmp = Files.createTempDirectory("inlagg-readme-tmp");
        List<String> leftBehind;
        String output;
        int status;
        try (var server = LocalServer.start(new LocalServer.Options(Repo.template(), data, 0, Optional.empty(),
                Optional.empty(), Optional.empty(), true))) {
            assertEquals(2, server.seeded().size(), "a new folder starts with the examples, as for a newcomer");
            ProcessBuilder bash = new ProcessBuilder("bash", "-c", script(blocks)).directory(Repo.root().toFile())
                    .redirectErrorStream(true);
            bash.environment().put("PORT", Integer.toString(server.port()));
            bash.environment().put("DATA_DIR", data.toString());
            bash.environment().put("TMPDIR", tmp.toString());
            bash.environment().keySet().removeAll(List.of("B", "TOKEN"));
            Process process = bash.start();
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("the README's examples did not finish within 180 s:\n" + output);
            }
            status = process.exitValue();
            try (Stream<Path> files = Files.list(tmp)) {
                leftBehind = files.map(f -> f.getFileName().toString()).toList();
            }
        } finally {
            TempFolders.delete(data);
            TempFolders.delete(tmp);
        }
        List<String> outputs = perBlock(output);
        boolean allRan = outputs.size() == blocks.size() + 1 && status == 0;
        int failed = allRan ? -1 : Math.max(0, Math.min(outputs.size(), blocks.size()) - 1);
        String failedOutput = failed < 0 ? "" : outputs.isEmpty() ? output : outputs.get(failed);
        Stream<DynamicTest> each = IntStream.range(0, blocks.size()).mapToObj(i -> DynamicTest.dynamicTest(blocks.get(i).title(), () -> {
            if (failed >= 0 && i == failed) {
                fail("exit status " + status + "; the block printed:\n" + failedOutput);
            }
            if (failed >= 0 && i > failed) {
                fail("not run: the block at " + blocks.get(failed).title() + " failed before it");
            }
        }));
        // Run as written, each paste of the examples left a file in the reader's /tmp (one a CI run, 124 on this machine).
        return Stream.concat(each, Stream.of(DynamicTest.dynamicTest("the examples leave no temporary file behind",
                () -> assertEquals(List.of(), leftBehind, "left in TMPDIR"))));
    }

    /** Every curl in them fails on an error answer, or prints the status it got for the reader to see. */
    @Test
    void everyCurlInTheExamplesFailsOnAnErrorOrShowsTheStatus() throws IOException {
        for (var block : ReadmeBlocks.shellBlocks(readme())) {
            String joined = block.text().replace("\\\n", " ");
            for (String command : joined.split("\n")) {
                if (!command.strip().startsWith("#") && command.contains("curl ") && !command.contains("--fail-with-body") && !command.contains("%{http_code}")) {
                    fail(block.title() + ": a curl that neither fails on an error nor prints the status: " + command.strip());
                }
            }
        }
    }

    /** One script: each block after a line that marks its start, and a last mark once all have run. */
    private static String script(List<ReadmeBlocks.Block> blocks) {
        StringBuilder b = new StringBuilder("set -euo pipefail\n");
        for (int i = 0; i < blocks.size(); i++) {
            b.append("printf '\\n").append(MARK).append(i).append("\\n'\n").append(blocks.get(i).text());
        }
        return b.append("printf '\\n").append(MARK).append("end\\n'\n").toString();
    }

    /** What each block printed, in order: one entry per block that started, plus one after the end mark. */
    private static List<String> perBlock(String output) {
        List<String> parts = new ArrayList<>(List.of(output.split("\n" + MARK + "\\S+\n", -1)));
        parts.removeFirst(); // before the first mark: nothing
        return parts;
    }

    private static String readme() throws IOException {
        return Files.readString(Repo.root().resolve("README.md"));
    }
}
