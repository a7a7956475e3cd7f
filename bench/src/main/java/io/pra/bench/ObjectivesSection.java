package io.pra.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.pra.bench.report.Section;

/**
 * The last section of the report: each target of the objectives (docs/design.md) that a comparison measures, the figure this
 * run measured for it, and met or missed. Built from the other sections' JSON, so it cannot disagree with them; an
 * objective whose comparison did not run (or failed) says so.
 */
final class ObjectivesSection {

    private ObjectivesSection() {
    }

    static Section of(List<Section> sections) {
        List<List<String>> rows = new ArrayList<>();
        Map<String, Object> json = new LinkedHashMap<>();
        latency(rows, json, sections, "decision", "siteLossToDecided",
                "site loss → failover decided (3 observers)", 10_000, "part 3, site loss");
        latency(rows, json, sections, "decision", "quorumVoteToDecided",
                "last quorum vote → `pra.failover.decided`", 50, "part 3, quorum vote");
        latency(rows, json, sections, "failover", "overheadMs", "orchestration overhead of a failover", 2_000,
                "part 4");
        latency(rows, json, sections, "failover", "rtoMs", "end-to-end RTO, small app", 60_000,
                "part 4: simulator delays 2 s restore + 1 s readiness; `./pra drill` measures it too");
        probing(rows, json, sections);
        latency(rows, json, sections, "alert", "praNotifyOnly", "critical notification delivered", 1_000,
                "part 2, notify only: event consumed → Slack post received");
        footprint(rows, json, sections);
        Section section = new Section("objectives", "6. Against the objectives");
        section.paragraph("Each target of the objectives (docs/design.md, \"Objectives\") that a comparison above "
                + "measures, with this run's figure (p99 where the target is a p99). Not bench figures: RPO exposure "
                + "and its alert, false failovers, crash resumption (scenarios/ and the services' integration tests "
                + "prove them).");
        section.table(List.of("objective", "target", "measured", "", "from"), rows);
        memoryMissed(json, sections).ifPresent(section::paragraph);
        section.put("objectives", json);
        return section;
    }

    /** Why memory is missed, with this run's non-heap figures, when it is. */
    private static Optional<String> memoryMissed(Map<String, Object> json, List<Section> sections) {
        boolean missed = json.entrySet().stream().filter(e -> e.getKey().startsWith("memory, "))
                .anyMatch(e -> Boolean.FALSE.equals(((Map<?, ?>) e.getValue()).get("met")));
        if (!missed) {
            return Optional.empty();
        }
        List<Double> nonHeap = sections.stream().filter(s -> s.id().equals("footprint")).findFirst()
                .map(s -> FootprintBench.SERVICES.stream()
                        .map(service -> number(s.json(), "services", service, "nonHeapCommittedMb", "median"))
                        .flatMap(Optional::stream).toList())
                .orElse(List.of());
        String range = nonHeap.isEmpty() ? "" : String.format(", %.0f–%.0f MB here",
                nonHeap.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                nonHeap.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        return Optional.of("Why memory is missed: a JVM service's RSS is its non-heap (metaspace and code cache, part "
                + "5's *non-heap committed* column" + range + ") plus the heap it has touched, thread stacks and the "
                + "JVM itself. The services load Hibernate ORM, the Kafka client, RESTEasy and (backup, failover) the "
                + "fabric8 client; heap options only trim the heap (part 5's *deploy/ limit* and *lean* columns). "
                + "Under 200 MB for every service would take fewer classes loaded or a native build (GraalVM "
                + "native-image: this machine cannot build one, so there is no figure for it here).");
    }

    private static void latency(List<List<String>> rows, Map<String, Object> json, List<Section> sections,
            String sectionId, String key, String objective, double targetMs, String from) {
        Optional<Double> p99 = figure(sections, sectionId, key, "p99Ms");
        rows.add(List.of(objective, "p99 ≤ " + ms(targetMs), p99.map(v -> "p99 " + ms(v)).orElse("not measured"),
                p99.map(v -> v <= targetMs ? "met" : "missed").orElse(""), from));
        json.put(objective, result(p99.orElse(null), targetMs, p99.map(v -> v <= targetMs).orElse(null)));
    }

    /** The highest offered probe rate at which health-service kept up (≥ 99 % of offered) without a missed round. */
    private static void probing(List<List<String>> rows, Map<String, Object> json, List<Section> sections) {
        String objective = "health probes per instance, 2 cores";
        Optional<Object> runs = sections.stream().filter(s -> s.id().equals("probing")).findFirst()
                .map(s -> s.json().get("runs"));
        Double best = null;
        if (runs.isPresent() && runs.get() instanceof List<?> list) {
            for (Object run : list) {
                double offered = number(run, "offeredProbesPerSecond").orElse(0.0);
                double sustained = number(run, "pra", "probesPerSecond", "median").orElse(0.0);
                double missed = number(run, "pra", "missedRounds", "max").orElse(Double.MAX_VALUE);
                if (sustained >= 0.99 * offered && missed == 0 && (best == null || offered > best)) {
                    best = offered;
                }
            }
        }
        boolean measured = runs.isPresent();
        Double kept = best;
        rows.add(List.of(objective, "≥ 2,000 probes/s, no missed rounds",
                !measured ? "not measured" : kept == null ? "no rate kept up" : String.format("%,.0f probes/s kept up",
                        kept),
                !measured ? "" : kept != null && kept >= 2_000 ? "met" : "missed",
                "part 1: highest offered rate sustained with no missed round"));
        json.put(objective, result(kept, 2_000, measured ? kept != null && kept >= 2_000 : null));
    }

    private static void footprint(List<List<String>> rows, Map<String, Object> json, List<Section> sections) {
        Optional<Section> footprint = sections.stream().filter(s -> s.id().equals("footprint")).findFirst();
        for (String service : FootprintBench.SERVICES) {
            String objective = "memory, " + service;
            Optional<Double> rss = footprint.flatMap(s -> number(s.json(), "services", service, "rssMbSettled",
                    "median"));
            rows.add(List.of(objective, "≤ 200 MB RSS", rss.map(v -> String.format("%.0f MB idle", v))
                    .orElse("not measured"), rss.map(v -> v <= 200 ? "met" : "missed").orElse(""),
                    "part 5, bench JVM options; after load and with other options: part 5's tables"));
            json.put(objective, result(rss.orElse(null), 200, rss.map(v -> v <= 200).orElse(null)));
        }
    }

    private static Optional<Double> figure(List<Section> sections, String sectionId, String key, String field) {
        return sections.stream().filter(s -> s.id().equals(sectionId)).findFirst()
                .flatMap(s -> number(s.json(), key, field));
    }

    /** The number at a path of nested maps, if every step is there and the leaf is a finite number. */
    private static Optional<Double> number(Object root, String... path) {
        Object node = root;
        for (String step : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            node = map.get(step);
        }
        return node instanceof Number n && Double.isFinite(n.doubleValue()) ? Optional.of(n.doubleValue())
                : Optional.empty();
    }

    /** One objective in the JSON report: {@code met} is null when the figure was not measured. */
    static Map<String, Object> result(Double measured, double target, Boolean met) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("measured", measured);
        json.put("target", target);
        json.put("met", met);
        return json;
    }

    private static String ms(double millis) {
        return millis >= 10_000 ? String.format("%.1f s", millis / 1000) : String.format("%.0f ms", millis);
    }
}
