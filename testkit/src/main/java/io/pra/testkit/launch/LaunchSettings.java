package io.pra.testkit.launch;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a {@link ServiceLaunch} gives its process: configuration properties (system properties or a config file) and
 * environment variables (the connection settings the service's {@code application.properties} reads from
 * {@code PRA_*} variables, secrets included, so that they stay off the command line).
 */
public record LaunchSettings(Map<String, String> properties, Map<String, String> environment) {

    public LaunchSettings {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /** The properties as {@code -Dkey=value} JVM arguments. */
    public List<String> systemProperties() {
        return properties.entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue()).toList();
    }

    /** The properties as the lines of an {@code application.properties} file. */
    public String propertiesFile() {
        return properties.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\") + "\n")
                .collect(Collectors.joining());
    }

    /** Collects settings in order, turning typed values into the text SmallRye Config reads; null means unset. */
    static final class Builder {

        private final Map<String, String> properties = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();

        /** Lists comma-separated, anything else as its text (a {@code Duration} in ISO-8601, {@code PT0.5S}). */
        Builder put(String key, Object value) {
            if (value != null) {
                properties.put(key, text(value));
            }
            return this;
        }

        Builder env(String name, Object value) {
            if (value != null) {
                environment.put(name, text(value));
            }
            return this;
        }

        LaunchSettings build() {
            return new LaunchSettings(properties, environment);
        }

        private static String text(Object value) {
            if (value instanceof Collection<?> values) {
                return values.stream().map(Builder::text).collect(Collectors.joining(","));
            }
            return String.valueOf(value);
        }
    }
}
