package se.inlagg.local.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap a running JVM uses, read from outside with `jcmd <pid> GC.heap_info` (no JMX, nothing added
 * to the function): the sum of its generations' "used".
 */
final class HeapUsage {

    /** A generation's line ("DefNew total 116160K, used 31009K [...]"), not its spaces' (indented). */
    private static final Pattern GENERATION = Pattern.compile("^\\S.*\\btotal \\d+K, used (\\d+)K", Pattern.MULTILINE);

    private HeapUsage() {
    }

    /** What the heap holds now, garbage not yet collected included. */
    static long usedBytes(long pid) {
        long kilobytes = 0;
        Matcher m = GENERATION.matcher(jcmd(pid, "GC.heap_info"));
        while (m.find()) {
            kilobytes += Long.parseLong(m.group(1));
        }
        if (kilobytes == 0) {
            throw new IllegalStateException("jcmd " + pid + " GC.heap_info named no heap generations");
        }
        return kilobytes * 1024;
    }

    /** What the heap holds after a full collection: the live objects. */
    static long liveBytes(long pid) {
        jcmd(pid, "GC.run");
        return usedBytes(pid);
    }

    private static String jcmd(long pid, String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
