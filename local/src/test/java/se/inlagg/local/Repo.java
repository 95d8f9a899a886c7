package se.inlagg.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's shared files (template.yaml, events/) are, from any test working directory. */
public final class Repo {

    private Repo() {
    }

    public static Path root() {
        String given = System.getProperty("inlagg.repo.root");
        if (given != null) {
            return Path.of(given).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath());
    }

    public static Path template() {
        return root().resolve("template.yaml");
    }

    public static Path events() {
        return root().resolve("events");
    }
}
