package io.pra.opschecks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Prometheus series the services export, derived from the Micrometer meters registered in their main
 * Java code, named as Micrometer's Prometheus registry names them: dots become underscores, counters end
 * in {@code _total}, timers in {@code _seconds} with {@code _count}, {@code _sum}, {@code _max} and
 * {@code _bucket}.
 */
final class MicrometerMetrics {

    private static final Pattern BUILDER = Pattern.compile(
            "\\b(Gauge|Counter|Timer|DistributionSummary|FunctionCounter|FunctionTimer|LongTaskTimer)\\.builder\\(\\s*\"([^\"]+)\"");
    private static final Pattern REGISTRY = Pattern.compile(
            "\\bregistry\\.(counter|gauge|timer|summary|gaugeCollectionSize|gaugeMapSize)\\(\\s*\"([^\"]+)\"");
    private static final Pattern ANNOTATION = Pattern.compile("@(Counted|Timed)\\(\\s*(?:value\\s*=\\s*)?\"([^\"]+)\"");

    private MicrometerMetrics() {
    }

    static Set<String> exportedSeries() {
        Set<String> series = new TreeSet<>();
        // The services' own metrics and those of the service kit they all run on (the intake retries, the outbox).
        List<String> modules = new ArrayList<>(Repo.SERVICES);
        modules.add("service-kit");
        for (String service : modules) {
            Path sources = Repo.path(service + "/src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            for (Path file : Repo.files(sources, ".java")) {
                String code = Repo.read(file);
                for (Pattern pattern : new Pattern[] {BUILDER, REGISTRY, ANNOTATION}) {
                    Matcher matcher = pattern.matcher(code);
                    while (matcher.find()) {
                        series.addAll(prometheusSeries(matcher.group(1).toLowerCase(java.util.Locale.ROOT), matcher.group(2)));
                    }
                }
            }
        }
        return series;
    }

    static Set<String> prometheusSeries(String kind, String micrometerName) {
        String base = micrometerName.replace('.', '_').replace('-', '_');
        return switch (kind) {
            case "counter", "functioncounter", "counted" -> Set.of(base.endsWith("_total") ? base : base + "_total");
            case "timer", "functiontimer", "longtasktimer", "timed" -> histogram(base.endsWith("_seconds") ? base : base + "_seconds");
            case "distributionsummary", "summary" -> histogram(base);
            default -> Set.of(base);
        };
    }

    private static Set<String> histogram(String base) {
        return Set.of(base + "_count", base + "_sum", base + "_max", base + "_bucket");
    }
}
