package io.pra.testkit.k8s.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A set of CustomResourceDefinitions ({@code apiextensions.k8s.io/v1}), read from YAML files: the kinds a cluster
 * with them installed serves, by group and kind, with each version's served flag and structural schema.
 */
public final class CustomResourceDefinitions {

    /** Where the test kit's copies of the upstream CRDs are, on the class path. */
    public static final String VENDORED = "crds";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * One version of a kind: its name, whether it is served and stored, its schema, and whether it has a
     * {@code status} subresource (then {@code /status} writes change the status only, and other writes leave it).
     */
    public record Version(String name, boolean served, boolean storage, SchemaNode schema, boolean statusSubresource) {
    }

    /**
     * One CRD: group, kind, plural, scope, versions, the file it came from, and the CRD object itself as read (the
     * {@code apiextensions.k8s.io/v1} document, for installing it in an API server).
     */
    public record Definition(String group, String kind, String plural, String scope, List<Version> versions, String source,
            JsonNode document) {

        /** The version named {@code name}, served or not. */
        public Optional<Version> version(String name) {
            return versions.stream().filter(v -> v.name().equals(name)).findFirst();
        }

        /** The names of the served versions. */
        public List<String> servedVersions() {
            return versions.stream().filter(Version::served).map(Version::name).toList();
        }
    }

    private final Map<String, Definition> byGroupKind;

    private CustomResourceDefinitions(Map<String, Definition> byGroupKind) {
        this.byGroupKind = byGroupKind;
    }

    /** Every CRD in the {@code .yaml} files under {@code directory}. */
    public static CustomResourceDefinitions load(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            Map<String, Definition> definitions = new LinkedHashMap<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList()) {
                for (Definition definition : read(Files.readString(file), directory.relativize(file).toString())) {
                    Definition previous = definitions.put(definition.group() + "/" + definition.kind(), definition);
                    if (previous != null) {
                        throw new IllegalArgumentException(definition.kind() + "." + definition.group() + " is defined twice: in "
                                + previous.source() + " and " + definition.source());
                    }
                }
            }
            return new CustomResourceDefinitions(definitions);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CRDs under " + directory, e);
        }
    }

    /** The test kit's copies of the upstream CRDs ({@code testkit/src/main/resources/crds}, see its README). */
    public static CustomResourceDefinitions vendored() {
        URL readme = CustomResourceDefinitions.class.getClassLoader().getResource(VENDORED + "/README.md");
        if (readme == null) {
            throw new IllegalStateException("no " + VENDORED + "/README.md on the class path: the test kit's CRDs are missing");
        }
        try {
            URI uri = readme.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return load(jar.getPath(VENDORED));
                } catch (FileSystemAlreadyExistsException e) {
                    return load(FileSystems.getFileSystem(uri).getPath(VENDORED));
                }
            }
            return load(Path.of(uri).getParent());
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the test kit's CRDs from " + readme, e);
        }
    }

    /** The definitions in {@code yaml} (one file, possibly several documents); {@code source} names it in errors. */
    static List<Definition> read(String yaml, String source) throws IOException {
        List<Definition> definitions = new ArrayList<>();
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || !"CustomResourceDefinition".equals(document.path("kind").asText())) {
                    continue;
                }
                if (!"apiextensions.k8s.io/v1".equals(document.path("apiVersion").asText())) {
                    throw new IllegalArgumentException(source + ": only apiextensions.k8s.io/v1 CRDs are read");
                }
                definitions.add(definition(document, source));
            }
        }
        return definitions;
    }

    /** The definition of one {@code apiextensions.k8s.io/v1} CRD object; {@code source} names it in errors. */
    public static Definition definition(JsonNode crd, String source) {
        JsonNode spec = crd.path("spec");
        String group = spec.path("group").asText();
        String kind = spec.path("names").path("kind").asText();
        List<Version> versions = new ArrayList<>();
        for (JsonNode version : spec.path("versions")) {
            String name = version.path("name").asText();
            JsonNode schema = version.path("schema").path("openAPIV3Schema");
            if (!schema.isObject()) {
                throw new IllegalArgumentException(source + ": " + kind + " " + name + " has no openAPIV3Schema");
            }
            versions.add(new Version(name, version.path("served").asBoolean(false), version.path("storage").asBoolean(false),
                    SchemaNode.read(schema, source + " " + kind + "/" + name),
                    version.path("subresources").path("status").isObject()));
        }
        return new Definition(group, kind, spec.path("names").path("plural").asText(), spec.path("scope").asText(),
                List.copyOf(versions), source, crd.deepCopy());
    }

    /** The CRD of {@code kind} in {@code group}, if there is one. */
    public Optional<Definition> find(String group, String kind) {
        return Optional.ofNullable(byGroupKind.get(group + "/" + kind));
    }

    /** Whether any CRD defines a kind in {@code group}. */
    public boolean hasGroup(String group) {
        return byGroupKind.values().stream().anyMatch(d -> d.group().equals(group));
    }

    public Collection<Definition> all() {
        return byGroupKind.values();
    }
}
