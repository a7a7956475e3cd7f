package io.pra.cli.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/scenarios.md documents exactly the words {@link ScenarioParser} accepts, both ways. */
class ScenarioDocsTest {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private static Map<String, List<List<String>>> tables;

    @BeforeAll
    static void readDocument() throws IOException {
        tables = tablesBySection(Files.readString(ScenarioFiles.root().resolve("docs/scenarios.md"),
                StandardCharsets.UTF_8));
    }

    @Test
    void topLevelKeys() {
        assertThat(firstColumn("Top level")).isEqualTo(new TreeSet<>(ScenarioParser.TOP));
    }

    @Test
    void configKeys() {
        assertThat(firstColumn("`config`")).isEqualTo(new TreeSet<>(ScenarioParser.CONFIG));
    }

    @Test
    void stepTriggers() {
        Set<String> accepted = new TreeSet<>(ScenarioParser.STEP_KEYS);
        accepted.remove("do");
        assertThat(firstColumn("Step triggers")).isEqualTo(accepted);
    }

    @Test
    void everyActionWithItsFields() {
        Map<String, Set<String>> documented = new LinkedHashMap<>();
        for (List<String> row : tables.get("Timeline steps")) {
            documented.put(code(row.get(0)).iterator().next(), code(row.get(1)));
        }
        Map<String, Set<String>> accepted = Arrays.stream(Action.values())
                .collect(Collectors.toMap(Action::keyword, a -> new TreeSet<>(a.fields())));
        assertThat(documented).isEqualTo(accepted);
    }

    @Test
    void everyExpectation() {
        Set<String> accepted = Expectations.KEYS.keySet().stream()
                .map(key -> key.startsWith("notifications.") ? "notifications" : key)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(firstColumn("Expectations")).isEqualTo(accepted);
    }

    private static Set<String> firstColumn(String section) {
        assertThat(tables).as("sections of docs/scenarios.md").containsKey(section);
        return tables.get(section).stream().map(row -> code(row.get(0)).iterator().next())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The words in backticks of a cell, in a sorted set. */
    private static Set<String> code(String cell) {
        Set<String> words = new TreeSet<>();
        Matcher matcher = CODE.matcher(cell);
        while (matcher.find()) {
            words.add(matcher.group(1));
        }
        return words;
    }

    /** Body rows of the first table under each "## " heading, cells trimmed. */
    private static Map<String, List<List<String>>> tablesBySection(String markdown) {
        Map<String, List<List<String>>> result = new LinkedHashMap<>();
        String section = null;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("## ")) {
                section = line.substring(3).trim();
                result.put(section, new ArrayList<>());
            } else if (section != null && line.startsWith("|") && !line.startsWith("|---")) {
                List<String> cells = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|"))
                        .map(String::trim).toList();
                result.get(section).add(cells);
            }
        }
        // Drop each table's header row.
        result.replaceAll((name, rows) -> rows.isEmpty() ? rows : rows.subList(1, rows.size()));
        return result;
    }
}
