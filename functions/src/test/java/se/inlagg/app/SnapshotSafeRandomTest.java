package se.inlagg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.MemberRefEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import se.inlagg.posts.Backoff;

/**
 * No function code draws from a pseudo-random generator whose state a SnapStart snapshot would
 * freeze: every copy restored from one snapshot would then draw the same numbers (two writers that
 * collided would back off alike and collide again). {@code ThreadLocalRandom} seeds each thread from
 * one static seeder, {@code Math.random} keeps one static generator, and a {@code Random} or
 * {@code SplittableRandom} made during init is shared outright. Random waits come from
 * {@link Backoff#jitterBelow}, random ids and tokens from a SecureRandom made where they are drawn.
 * Read from the compiled classes' constant pools, so a call or method reference written any way is found.
 */
class SnapshotSafeRandomTest {

    /**
     * Owner class, member name (any when null) and descriptor (any when null) of the uses that draw from
     * such a generator. Collections.shuffle without a Random of its own keeps one static generator.
     */
    private static final List<String[]> SNAPSHOT_SHARED = List.of(
            new String[] {"java/util/concurrent/ThreadLocalRandom", null, null},
            new String[] {"java/lang/Math", "random", null},
            new String[] {"java/lang/StrictMath", "random", null},
            new String[] {"java/util/Random", "<init>", null},
            new String[] {"java/util/SplittableRandom", "<init>", null},
            new String[] {"java/util/random/RandomGenerator", "getDefault", null},
            new String[] {"java/util/random/RandomGenerator", "of", null},
            new String[] {"java/util/random/RandomGeneratorFactory", null, null},
            new String[] {"java/util/Collections", "shuffle", "(Ljava/util/List;)V"});

    @Test
    void noFunctionCodeDrawsFromAGeneratorASnapshotWouldShare() throws IOException, URISyntaxException {
        Path classes = Path.of(Backoff.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> found = new ArrayList<>();
        int read = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                ClassModel model = ClassFile.of().parse(file);
                read++;
                // The constant pool names every member the class uses: calls and method references alike.
                for (PoolEntry entry : model.constantPool()) {
                    if (entry instanceof MemberRefEntry member && sharesState(member)) {
                        found.add(model.thisClass().asInternalName() + " uses " + member.owner().asInternalName() + "."
                                + member.name().stringValue());
                    }
                }
            }
        }
        assertTrue(read > 100, "read the functions' classes (" + read + " in " + classes + ")");
        assertEquals(List.of(), found);
    }

    @Test
    void jitterStaysBelowItsBoundAndVaries() {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long wait = Backoff.jitterBelow(250);
            assertTrue(wait >= 0 && wait < 250, "wait " + wait);
            waits.add(wait);
        }
        assertTrue(waits.stream().distinct().count() > 50, "jitter that varies: " + waits.stream().distinct().count() + " values");
    }

    private static boolean sharesState(MemberRefEntry member) {
        String owner = member.owner().asInternalName();
        String name = member.name().stringValue();
        String type = member.type().stringValue();
        return SNAPSHOT_SHARED.stream().anyMatch(s -> s[0].equals(owner) && (s[1] == null || s[1].equals(name))
                && (s[2] == null || s[2].equals(type)));
    }
}
