package io.pra.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One comparison's results: prose, Markdown tables, and the same figures as JSON. */
public final class Section {

    private final String id;
    private final String title;
    private final List<String> blocks = new ArrayList<>();
    private final Map<String, Object> json = new LinkedHashMap<>();

    public Section(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Section paragraph(String text) {
        blocks.add(text);
        return this;
    }

    public Section table(List<String> header, List<List<String>> rows) {
        StringBuilder table = new StringBuilder();
        table.append("| ").append(String.join(" | ", header)).append(" |\n");
        table.append("|").append("---|".repeat(header.size())).append("\n");
        for (List<String> row : rows) {
            table.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        blocks.add(table.toString().stripTrailing());
        return this;
    }

    public Section put(String key, Object value) {
        json.put(key, value);
        return this;
    }

    public List<String> blocks() {
        return blocks;
    }

    public Map<String, Object> json() {
        return json;
    }
}
