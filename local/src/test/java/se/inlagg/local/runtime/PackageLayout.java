package se.inlagg.local.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Stream;
import se.inlagg.local.Repo;

/**
 * The packaged functions as `sam build` lays them out in .aws-sam/build: one folder per function,
 * its classes at the folder's root and its jars in lib/. Either a real `sam build` output
 * (-Dinlagg.runtime.layout=.aws-sam/build), or assembled from the package functions/ builds in
 * target/lambda, which every function of the template shares (CodeUri: functions).
 */
final class PackageLayout {

    static final String PROPERTY = "inlagg.runtime.layout";

    private final Path root;

    private PackageLayout(Path root) {
        this.root = root;
    }

    /** The layout -Dinlagg.runtime.layout names, or one assembled under assembleIn for these functions. */
    static PackageLayout chosen(Collection<String> functionIds, Path assembleIn) {
        String given = System.getProperty(PROPERTY, "");
        if (!given.isBlank()) {
            // A relative path is the repository's (.aws-sam/build, as the README writes it), not the test JVM's folder (local/).
            return new PackageLayout(Repo.root().resolve(given).toAbsolutePath().normalize());
        }
        return assembled(Repo.root().resolve("functions/target/lambda"), functionIds, assembleIn);
    }

    /** One folder per function, each a link to the one package they share (SAM copies it instead). */
    static PackageLayout assembled(Path sharedPackage, Collection<String> functionIds, Path root) {
        if (!Files.isDirectory(sharedPackage.resolve("lib"))) {
            throw new IllegalStateException(sharedPackage + " holds no package: build functions/ first (mvn package)");
        }
        try {
            Files.createDirectories(root);
            for (String id : functionIds) {
                Path folder = root.resolve(id);
                Files.deleteIfExists(folder);
                Files.createSymbolicLink(folder, sharedPackage.toAbsolutePath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PackageLayout(root);
    }

    /** The function's folder: what Lambda unpacks to /var/task (LAMBDA_TASK_ROOT). */
    Path folder(String functionId) {
        Path folder = root.resolve(functionId);
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("the layout " + root + " has no folder for " + functionId);
        }
        return folder;
    }

    /** The bytes of every file in a function's folder: what its deployment package unpacks to. */
    static long size(Path folder) {
        try (Stream<Path> files = Files.walk(folder, FileVisitOption.FOLLOW_LINKS)) {
            return files.filter(Files::isRegularFile).mapToLong(PackageLayout::bytes).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long bytes(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
