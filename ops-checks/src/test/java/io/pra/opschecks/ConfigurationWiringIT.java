package io.pra.opschecks;

import static io.pra.opschecks.Manifests.elements;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every setting in docs/configuration.md is given to its service by the site-b overlay: as an environment
 * variable (container env or its ConfigMap) or in the mounted application.properties.
 */
class ConfigurationWiringIT {

    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| ([^|]*) \\|");
    private static final Pattern PLACEHOLDER = Pattern.compile("<[a-zA-Z]+>");

    /** One row of the configuration tables, and the services it applies to. */
    record Setting(String name, String env, List<String> services) {
    }

    /** What one service's pods are given: environment variable names and property keys. */
    record Given(Set<String> env, Set<String> properties) {
    }

    @Test
    void everyDocumentedSettingIsWired() {
        Manifests siteB = Manifests.render("site-b");
        List<Setting> settings = documentedSettings();
        assertThat(settings).hasSizeGreaterThan(50);
        List<String> missing = new ArrayList<>();
        for (Setting setting : settings) {
            for (String service : setting.services()) {
                if (!wired(setting, service, given(siteB, service))) {
                    missing.add(service + ": " + setting.name() + " (" + setting.env() + ")");
                }
            }
        }
        assertThat(missing).as("settings of docs/configuration.md not wired in deploy/overlays/site-b").isEmpty();
    }

    static boolean wired(Setting setting, String service, Given given) {
        String env = setting.env().replace("`", "").trim();
        if (env.startsWith("PRA_") || env.startsWith("QUARKUS_") || env.startsWith("...")) {
            Pattern envPattern = envPattern(env, service);
            if (given.env().stream().anyMatch(name -> envPattern.matcher(name).matches())) {
                return true;
            }
        }
        Pattern property = propertyPattern(setting.name());
        if (given.properties().stream().anyMatch(key -> property.matcher(key).matches())) {
            return true;
        }
        // A map setting without an env var of its own (pra.backup.sites) is given by its entries' env vars.
        String envPrefix = setting.name().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_') + "_";
        return !setting.name().contains("<") && given.env().stream().anyMatch(name -> name.startsWith(envPrefix));
    }

    static Pattern envPattern(String env, String service) {
        String text = env.replace("<SERVICE>", service.replace("-service", "").toUpperCase(Locale.ROOT));
        text = text.replace("..._", "PRA_HEALTH_SITES_<SITE>_CHECKS_<CHECK>_");
        boolean open = text.endsWith("_...");
        if (open) {
            text = text.substring(0, text.length() - 3);
        }
        StringBuilder regex = new StringBuilder();
        Matcher matcher = PLACEHOLDER.matcher(text);
        int last = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(text.substring(last, matcher.start()))).append("[A-Z0-9]+");
            last = matcher.end();
        }
        regex.append(Pattern.quote(text.substring(last))).append(open ? ".+" : "");
        return Pattern.compile(regex.toString());
    }

    static Pattern propertyPattern(String name) {
        String regex = Pattern.quote(name)
                .replace("\"<name>\"", "\\E\"?[^.\"]+\"?\\Q")
                .replace("[<i>]", "\\E\\[\\d+\\]\\Q");
        regex = regex.replaceAll("<[a-z]+>", "\\\\E[^.]+\\\\Q");
        return Pattern.compile(regex + "(?:[.\\[].*)?");
    }

    static List<Setting> documentedSettings() {
        List<Setting> settings = new ArrayList<>();
        List<String> services = List.of();
        for (String line : Repo.read(Repo.path("docs/configuration.md")).split("\n")) {
            if (line.startsWith("## ")) {
                String section = line.substring(3).trim();
                services = switch (section) {
                    case "Common to every service" -> Repo.SERVICES;
                    case "Services with a database (backup, failover, notifier)" ->
                            List.of("backup-service", "failover-service", "notifier-service");
                    default -> Repo.SERVICES.contains(section) ? List.of(section) : List.of();
                };
                continue;
            }
            Matcher row = ROW.matcher(line);
            if (row.find() && !services.isEmpty()) {
                settings.add(new Setting(row.group(1), row.group(2).trim(), services));
            }
        }
        return settings;
    }

    static Given given(Manifests manifests, String service) {
        Set<String> env = new HashSet<>();
        Set<String> properties = new HashSet<>();
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            if (!service.equals(deployment.at("/spec/template/metadata/labels/app.kubernetes.io~1name").asText())) {
                continue;
            }
            JsonNode pod = deployment.at("/spec/template/spec");
            for (JsonNode container : elements(pod.path("containers"))) {
                elements(container.path("env")).forEach(e -> env.add(e.path("name").asText()));
                for (JsonNode from : elements(container.path("envFrom"))) {
                    configMap(manifests, from.at("/configMapRef/name").asText())
                            .ifPresent(map -> map.path("data").fieldNames().forEachRemaining(env::add));
                }
            }
            for (JsonNode volume : elements(pod.path("volumes"))) {
                configMap(manifests, volume.at("/configMap/name").asText()).ifPresent(map -> {
                    JsonNode file = map.at("/data/application.properties");
                    if (!file.isMissingNode()) {
                        properties.addAll(load(file.asText()).stringPropertyNames());
                    }
                });
            }
        }
        return new Given(env, properties);
    }

    private static java.util.Optional<JsonNode> configMap(Manifests manifests, String name) {
        return name.isEmpty() ? java.util.Optional.empty() : manifests.find("ConfigMap", null, name);
    }

    private static Properties load(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
