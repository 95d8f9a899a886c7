package se.inlagg.local;

import java.util.ArrayList;
import java.util.List;

/**
 * The runnable examples of a Markdown file: its fenced blocks marked {@code sh}, in order, each with
 * the line its fence opens on. Blocks marked otherwise ({@code console}, {@code text}) show
 * commands that need AWS, stop a server or run for minutes, and are not run.
 */
final class ReadmeBlocks {

    /** One block: the line of its opening fence, and its text. */
    record Block(int line, String text) {
        String title() {
            String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
            return "README.md line " + line + ": " + (first.length() > 70 ? first.substring(0, 70) + "…" : first);
        }
    }

    private ReadmeBlocks() {
    }

    static List<Block> shellBlocks(String markdown) {
        List<Block> blocks = new ArrayList<>();
        List<String> lines = markdown.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String fence = lines.get(i).strip();
            if (!fence.startsWith("```")) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                end++;
            }
            if (fence.equals("```sh")) {
                blocks.add(new Block(i + 1, String.join("\n", lines.subList(i + 1, end)) + "\n"));
            }
            i = end;
        }
        return blocks;
    }
}
