package se.inlagg.local.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The benchmark's samples, by function in the order first measured, each with the floor's sample
 * taken just before it, and one markdown table of their medians.
 */
final class BenchmarkTable {

    private static final double MB = 1024 * 1024;

    private final Map<String, List<ColdStart.Sample>> samples = new LinkedHashMap<>();
    private final Map<String, List<double[]>> ratios = new LinkedHashMap<>();
    private final Map<String, Long> packageBytes = new LinkedHashMap<>();

    /** A sample, and the floor's taken just before it (null for the floor's own). */
    void add(String function, long packageSize, ColdStart.Sample sample, ColdStart.Sample floorBeside) {
        samples.computeIfAbsent(function, f -> new ArrayList<>()).add(sample);
        packageBytes.put(function, packageSize);
        if (floorBeside != null) {
            ratios.computeIfAbsent(function, f -> new ArrayList<>())
                    .add(new double[] {sample.coldMs() / floorBeside.coldMs(), sample.warmMedianMs() / floorBeside.warmMedianMs()});
        }
    }

    /**
     * Medians over the runs. "× floor" is the median of a function's cold starts each over the
     * floor's just before it, "warm × floor" the same of their warm medians; the floor's own row has
     * the medians of all its starts.
     */
    String markdown(String title) {
        StringBuilder out = new StringBuilder(title).append("\n\n")
                .append("| function | package MB | cold ms (median) | cold ms (min–max) | × floor | warm ms (median) | warm × floor "
                        + "| DynamoDB calls per warm answer | KB they answer | classes loaded | heap used MB | heap live MB |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        List<String> wrong = new ArrayList<>();
        samples.forEach((function, list) -> {
            List<double[]> paired = ratios.getOrDefault(function, List.of(new double[] {1, 1}));
            double wrongWarm = median(list, s -> s.warmAnswersWrong());
            if (wrongWarm > 0) {
                wrong.add(String.format(Locale.ROOT, "%s %.0f of %d", function, wrongWarm, ColdStart.WARM_INVOCATIONS));
            }
            out.append(String.format(Locale.ROOT, "| %s%s | %.1f | %.0f | %.0f–%.0f | %.2f | %.2f | %.2f | %.1f | %.1f | %.0f | %.1f | %.1f |%n",
                    function, wrongWarm > 0 ? " †" : "", packageBytes.get(function) / MB, median(list, ColdStart.Sample::coldMs), min(list, ColdStart.Sample::coldMs),
                    max(list, ColdStart.Sample::coldMs), medianOf(paired, 0), median(list, ColdStart.Sample::warmMedianMs),
                    medianOf(paired, 1), median(list, s -> s.warm().callsEach()), median(list, s -> s.warm().answerKbEach()),
                    median(list, s -> s.classesLoaded()), median(list, s -> s.heapUsedBytes()) / MB,
                    median(list, s -> s.heapLiveBytes()) / MB));
        });
        if (!wrong.isEmpty()) {
            // A repeated write can meet what its first answer did (an upload used up): its warm figure times that answer, not the first's.
            out.append("\n† warm answers a user would find wrong, median over the runs: ").append(String.join("; ", wrong)).append('\n');
        }
        return out.toString();
    }

    private static double medianOf(List<double[]> pairs, int index) {
        double[] values = pairs.stream().mapToDouble(p -> p[index]).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
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
