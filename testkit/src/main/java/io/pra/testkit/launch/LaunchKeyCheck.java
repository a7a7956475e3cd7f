package io.pra.testkit.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Checks every key a launch renders against what the service reads, so that a renamed setting fails the service's
 * build rather than a drill: {@code pra.*} keys through SmallRye Config with the service's {@code @ConfigMapping}
 * interfaces (unknown names and unconvertible values fail), or against the names its code reads with
 * {@code @ConfigProperty}; {@code quarkus.*} keys against the config model of the Quarkus extensions on the class path
 * (run-time settings only); {@code mp.messaging.*} keys against the channels of the service's
 * {@code application.properties}; environment variables against the {@code ${VAR}} that file reads.
 */
public final class LaunchKeyCheck {

    private static final Pattern CHANNEL = Pattern.compile("^(mp\\.messaging\\.(?:incoming|outgoing)\\.[^.]+\\.)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)");

    private final LaunchSettings settings;
    private final List<Class<?>> mappings = new ArrayList<>();
    private final Set<String> readByName = new LinkedHashSet<>();
    private final List<String> readers = new ArrayList<>();
    private String applicationProperties;

    private LaunchKeyCheck(LaunchSettings settings) {
        this.settings = settings;
    }

    public static LaunchKeyCheck of(LaunchSettings settings) {
        return new LaunchKeyCheck(settings);
    }

    /** The service's {@code @ConfigMapping} interfaces. */
    public LaunchKeyCheck mappings(Class<?>... configMappings) {
        mappings.addAll(List.of(configMappings));
        return this;
    }

    /** Classes that read settings by name ({@code @ConfigProperty} on fields and constructor or method parameters). */
    public LaunchKeyCheck readBy(Class<?>... classes) {
        for (Class<?> type : classes) {
            readers.add(type.getSimpleName());
            List<AnnotatedElement> elements = new ArrayList<>(List.of(type.getDeclaredFields()));
            Stream.concat(Stream.of(type.getDeclaredConstructors()), Stream.of(type.getDeclaredMethods()))
                    .forEach(executable -> elements.addAll(List.of(executable.getParameters())));
            elements.stream().map(element -> element.getAnnotation(ConfigProperty.class)).filter(Objects::nonNull)
                    .forEach(annotation -> readByName.add(annotation.name()));
        }
        return this;
    }

    /** The service's {@code application.properties}; the class path's unless given. */
    public LaunchKeyCheck applicationProperties(String text) {
        this.applicationProperties = text;
        return this;
    }

    /** One line per key the service would not read as the launch means it; empty when every key is right. */
    public List<String> problems() {
        String appText = applicationProperties == null ? classPathApplicationProperties() : applicationProperties;
        Map<String, String> app = parse(appText);
        QuarkusConfigModel quarkus = QuarkusConfigModel.onClassPath();
        List<String> problems = new ArrayList<>();
        settings.properties().keySet().forEach(key -> keyProblem(key, app, quarkus).ifPresent(problems::add));
        problems.addAll(mappingProblems(app));
        Set<String> read = new LinkedHashSet<>();
        VARIABLE.matcher(appText).results().forEach(m -> read.add(m.group(1)));
        settings.environment().keySet().stream().filter(name -> !read.contains(name))
                .forEach(name -> problems.add(name + ": application.properties reads no such environment variable"));
        return problems;
    }

    private Optional<String> keyProblem(String key, Map<String, String> app, QuarkusConfigModel quarkus) {
        if (readByName.contains(key) || mappings.stream().anyMatch(m -> key.startsWith(prefix(m) + "."))) {
            return Optional.empty();
        }
        if (key.startsWith("pra.")) {
            return Optional.of(key + ": no config mapping of the service (" + String.join(", ", mappings.stream()
                    .map(LaunchKeyCheck::prefix).toList()) + ") has it, nor does a @ConfigProperty of "
                    + (readers.isEmpty() ? "its classes" : String.join(", ", readers)));
        }
        if (key.startsWith("quarkus.")) {
            Optional<String> phase = quarkus.phase(key);
            if (phase.isEmpty()) {
                return Optional.of(key + ": no Quarkus extension on the class path has this setting");
            }
            return phase.filter(p -> !p.equals("RUN_TIME"))
                    .map(p -> key + ": fixed at build time (" + p + "), a launch cannot change it");
        }
        Matcher channel = CHANNEL.matcher(key);
        if (channel.find()) {
            return app.keySet().stream().anyMatch(k -> k.startsWith(channel.group(1))) ? Optional.empty()
                    : Optional.of(key + ": application.properties has no channel " + channel.group(1));
        }
        return app.containsKey(key) ? Optional.empty()
                : Optional.of(key + ": neither application.properties nor a @ConfigProperty reads it");
    }

    /** Builds the service's mappings from its application.properties and the launch's properties above them. */
    private List<String> mappingProblems(Map<String, String> app) {
        if (mappings.isEmpty()) {
            return List.of();
        }
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .addDiscoveredConverters().withValidateUnknown(true)
                .withSources(new PropertiesConfigSource(app, "application.properties", 250),
                        new PropertiesConfigSource(settings.properties(), "the launch", 400));
        mappings.forEach(builder::withMapping);
        try {
            builder.build();
            return List.of();
        } catch (ConfigValidationException e) {
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < e.getProblemCount(); i++) {
                problems.add(e.getProblem(i).getMessage());
            }
            return problems;
        } catch (RuntimeException e) {
            return List.of(String.valueOf(e.getMessage()));
        }
    }

    /**
     * The settings a launch leaves unset (null fields, empty maps and lists, null record components), so that a test
     * can make sure its launch sets every one and so checks every key the launch can render.
     */
    public static List<String> unsetSettings(ServiceLaunch launch) {
        List<String> unset = new ArrayList<>();
        for (Field field : launch.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            try {
                field.setAccessible(true);
                collectUnset(field.getName(), field.get(launch), unset);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + field, e);
            }
        }
        return unset;
    }

    private static void collectUnset(String path, Object value, List<String> unset)
            throws ReflectiveOperationException {
        if (value == null || value instanceof Collection<?> c && c.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty()) {
            unset.add(path);
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                collectUnset(path + "." + entry.getKey(), entry.getValue(), unset);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectUnset(path + "[" + i + "]", list.get(i), unset);
            }
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                collectUnset(path + "." + component.getName(), component.getAccessor().invoke(value), unset);
            }
        }
    }

    private static String prefix(Class<?> mapping) {
        ConfigMapping annotation = mapping.getAnnotation(ConfigMapping.class);
        if (annotation == null) {
            throw new IllegalArgumentException(mapping.getName() + " is not a @ConfigMapping interface");
        }
        return annotation.prefix();
    }

    private static String classPathApplicationProperties() {
        URL url = Thread.currentThread().getContextClassLoader().getResource("application.properties");
        if (url == null) {
            throw new IllegalStateException("no application.properties on the class path");
        }
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }

    private static Map<String, String> parse(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }
}
