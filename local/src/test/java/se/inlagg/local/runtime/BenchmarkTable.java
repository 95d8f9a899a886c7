package se.inlagg.local.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The benchmark's samples, by function in the order first measured, and one markdown table of their medians. */
final class BenchmarkTable {

    private static final double MB = 1024 * 1024;

    private final Map<String, List<ColdStart.Sample>> samples = new LinkedHashMap<>();
    private final Map<String, Long> packageBytes = new LinkedHashMap<>();

    void add(String function, long packageSize, ColdStart.Sample sample) {
        samples.computeIfAbsent(function, f -> new ArrayList<>()).add(sample);
        packageBytes.put(function, packageSize);
    }

    /** Medians over the runs; "× floor" is a function's cold median over the floor's, both from the same runs. */
    String markdown(String floor, String title) {
        double floorCold = median(samples.get(floor), ColdStart.Sample::coldMs);
        StringBuilder out = new StringBuilder(title).append("\n\n")
                .append("| function | package MB | cold ms (median) | cold ms (min–max) | × floor | warm ms (median) | classes loaded | heap used MB | heap live MB |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        samples.forEach((function, list) -> {
            double cold = median(list, ColdStart.Sample::coldMs);
            out.append(String.format(Locale.ROOT, "| %s | %.1f | %.0f | %.0f–%.0f | %.2f | %.2f | %.0f | %.1f | %.1f |%n", function,
                    packageBytes.get(function) / MB, cold, min(list, ColdStart.Sample::coldMs), max(list, ColdStart.Sample::coldMs),
                    cold / floorCold, median(list, ColdStart.Sample::warmMedianMs),
                    median(list, s -> s.classesLoaded()), median(list, s -> s.heapUsedBytes()) / MB,
                    median(list, s -> s.heapLiveBytes()) / MB));
        });
        return out.toString();
    }

    private static double median(List<ColdStart.Sample> list, ToDoubleFunction<ColdStart.Sample> figure) {
        double[] values = list.stream().mapToDouble(figure).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static double min(List<ColdStart.Sample> list, ToDoubleFunction<ColdStart.Sample> figure) {
        return list.stream().mapToDouble(figure).min().orElse(Double.NaN);
    }

    private static double max(List<ColdStart.Sample> list, ToDoubleFunction<ColdStart.Sample> figure) {
        return list.stream().mapToDouble(figure).max().orElse(Double.NaN);
    }
}
