package io.pra.testkit.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Quarkus settings of the extensions on the class path, from the config model each extension jar ships
 * ({@code META-INF/quarkus-config-doc/quarkus-config-model.json}): name (map keys as {@code "name"} segments) and
 * phase ({@code RUN_TIME} ones can be set when the application starts; the others are fixed at build time).
 */
final class QuarkusConfigModel {

    static final String RESOURCE = "META-INF/quarkus-config-doc/quarkus-config-model.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Property(Pattern name, String phase) {
    }

    private final List<Property> properties;

    private QuarkusConfigModel(List<Property> properties) {
        this.properties = properties;
    }

    /** Every extension's model found by the context class loader. */
    static QuarkusConfigModel onClassPath() {
        List<Property> properties = new ArrayList<>();
        try {
            for (URL url : Collections.list(Thread.currentThread().getContextClassLoader().getResources(RESOURCE))) {
                try (InputStream in = url.openStream()) {
                    collect(JSON.readTree(in), properties);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Quarkus config models (" + RESOURCE + ")", e);
        }
        return new QuarkusConfigModel(properties);
    }

    /** The phase of the setting {@code key} names, or empty when no extension on the class path has it. */
    Optional<String> phase(String key) {
        return properties.stream().filter(p -> p.name().matcher(key).matches()).map(Property::phase).findFirst();
    }

    private static void collect(JsonNode node, List<Property> properties) {
        if (node.isObject() && node.path("path").has("property")) {
            String phase = node.path("phase").asText();
            properties.add(new Property(pattern(node.path("path").path("property").asText()), phase));
            node.path("additionalPaths").forEach(path -> properties.add(
                    new Property(pattern(path.path("property").asText()), phase)));
        }
        node.forEach(child -> collect(child, properties));
    }

    /** {@code quarkus.datasource."datasource-name".jdbc.url}: a quoted segment stands for any map key. */
    private static Pattern pattern(String documented) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < documented.length()) {
            int quote = documented.indexOf('"', i);
            int end = quote < 0 ? -1 : documented.indexOf('"', quote + 1);
            if (end < 0) {
                regex.append(Pattern.quote(documented.substring(i)));
                break;
            }
            regex.append(Pattern.quote(documented.substring(i, quote))).append("(?:\"[^\"]+\"|[^.\"]+)");
            i = end + 1;
        }
        return Pattern.compile(regex.toString());
    }
}
