package io.pra.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the bench's results as Markdown (docs/benchmarks.md) and JSON. */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** Everything one bench run found. */
    public record Report(String startedAt, String command, Map<String, String> machine, Map<String, String> tools,
            String loadBefore, String loadAfter, double minutes, Map<String, Double> secondsPerComparison,
            List<Section> sections, List<String> notMeasured) {
    }

    public static String markdown(Report report) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Written by `").append(report.command()).append("` (module `bench`, `io.pra.bench.Bench`) on ")
                .append(report.startedAt()).append(", in ").append(String.format("%.1f", report.minutes()))
                .append(" min. Every number below is one this run printed; run `bench/run` to measure again. ")
                .append("Everything ran on this machine, on loopback; the tools are Debian's packages, run as child ")
                .append("processes with generated config.\n\n");
        if (!report.secondsPerComparison().isEmpty()) {
            md.append("Time per comparison: ").append(String.join(", ", report.secondsPerComparison().entrySet()
                    .stream().map(e -> String.format("%s %.1f min", e.getKey(), e.getValue() / 60)).toList()))
                    .append(" (the rest: starting Kafka and PostgreSQL, writing the report).\n\n");
        }
        md.append("## Machine\n\n| | |\n|---|---|\n");
        report.machine().forEach((key, value) -> md.append("| ").append(key).append(" | ").append(value).append(" |\n"));
        report.tools().forEach((key, value) -> md.append("| ").append(key).append(" | ").append(value).append(" |\n"));
        md.append("| load average (1, 5, 15 min) before | ").append(report.loadBefore()).append(" |\n");
        md.append("| load average (1, 5, 15 min) after | ").append(report.loadAfter()).append(" |\n\n");
        for (Section section : report.sections()) {
            md.append("## ").append(section.title()).append("\n\n");
            for (String block : section.blocks()) {
                md.append(block).append("\n\n");
            }
        }
        if (!report.notMeasured().isEmpty()) {
            md.append("## Not measured by this run\n\n");
            report.notMeasured().forEach(line -> md.append("- ").append(line).append("\n"));
            md.append("\n");
        }
        return md.toString();
    }

    public static Map<String, Object> json(Report report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("startedAt", report.startedAt());
        json.put("command", report.command());
        json.put("minutes", report.minutes());
        json.put("secondsPerComparison", report.secondsPerComparison());
        json.put("machine", report.machine());
        json.put("tools", report.tools());
        json.put("loadBefore", report.loadBefore());
        json.put("loadAfter", report.loadAfter());
        Map<String, Object> sections = new LinkedHashMap<>();
        report.sections().forEach(section -> sections.put(section.id(), section.json()));
        json.put("results", sections);
        json.put("notMeasured", new ArrayList<>(report.notMeasured()));
        return json;
    }

    public static void write(Report report, Path markdown, Path json) {
        try {
            if (markdown != null) {
                createParent(markdown);
                Files.writeString(markdown, markdown(report));
            }
            if (json != null) {
                createParent(json);
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), json(report));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report", e);
        }
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
