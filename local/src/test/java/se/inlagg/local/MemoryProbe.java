package se.inlagg.local;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Run in a JVM of its own by {@link ColdStartBenchmark}: loads one function as Lambda would, invokes
 * it with its events/ file, and prints what a Lambda container of it would hold. With "none" it
 * loads nothing, which is the baseline: an idle JVM.
 */
public final class MemoryProbe {

    public static void main(String[] args) throws Exception {
        String functionId = args[0];
        String event = args.length > 1 ? Files.readString(Path.of(args[1])) : "";
        int warm = Integer.parseInt(System.getProperty("probe.warm", "300"));
        long coldNanos = 0;
        long[] warmNanos = new long[warm];
        if (!functionId.equals("none")) {
            Template template = Template.read(Path.of(System.getProperty("probe.template")));
            long start = System.nanoTime();
            LambdaFunction function = new LambdaFunction(template.functions().get(functionId), MemoryProbe.class.getClassLoader());
            function.invoke(event);
            coldNanos = System.nanoTime() - start;
            for (int i = 0; i < warm; i++) {
                long t = System.nanoTime();
                function.invoke(event);
                warmNanos[i] = System.nanoTime() - t;
            }
        }
        System.gc();
        var memory = ManagementFactory.getMemoryMXBean();
        Arrays.sort(warmNanos);
        long median = warm == 0 ? 0 : warmNanos[warm / 2];
        System.out.printf("PROBE %s coldMs=%.1f warmMedianMs=%.2f heapMb=%.1f nonHeapMb=%.1f rssMb=%.1f%n", functionId,
                coldNanos / 1e6, median / 1e6, memory.getHeapMemoryUsage().getUsed() / 1048576.0,
                memory.getNonHeapMemoryUsage().getUsed() / 1048576.0, rssMb());
    }

    private static double rssMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return -1;
    }
}
