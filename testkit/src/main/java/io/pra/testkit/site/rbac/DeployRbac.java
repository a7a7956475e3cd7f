package io.pra.testkit.site.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the RBAC objects of one of PRA's Kustomize overlays from {@code deploy/}, without kubectl (a drill must not
 * need it): follows {@code resources} and {@code components}, sets {@code namespace} as Kustomize does, and refuses the
 * transformations it does not reproduce (name prefixes and suffixes, patches) when they could reach an RBAC object.
 * ops-checks' {@code RbacRenderedIT} proves the result equal to what {@code kubectl kustomize} renders.
 */
public final class DeployRbac {

    /** The kinds the authorizer reads. */
    public static final Set<String> KINDS = Set.of("Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final List<String> KUSTOMIZATION_FILES = List.of("kustomization.yaml", "kustomization.yml",
            "Kustomization");
    /** Fields that change nothing an authorizer reads (labels, images, generated ConfigMaps and Secrets...). */
    private static final Set<String> INERT_FIELDS = Set.of("apiVersion", "kind", "metadata", "labels", "commonLabels",
            "commonAnnotations", "images", "replicas", "configMapGenerator", "secretGenerator", "generatorOptions",
            "buildMetadata", "sortOptions");
    private static final Set<String> PATCH_FIELDS = Set.of("patches", "patchesStrategicMerge", "patchesJson6902");

    private DeployRbac() {
    }

    /** The RBAC of {@code deploy/overlays/<overlay>} in the repository at {@code root}. */
    public static RbacPolicy load(Path root, String overlay) {
        Path dir = root.resolve("deploy").resolve("overlays").resolve(overlay);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no overlay " + overlay + " in " + root.resolve("deploy/overlays"));
        }
        return policy(render(dir));
    }

    /** The repository holding {@code deploy/overlays}: the working directory or the nearest one above it. */
    public static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy").resolve("overlays"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no deploy/overlays in " + start + " or above it");
    }

    /** The RBAC objects among {@code objects}, as the fabric8 model has them, in the same order. */
    static RbacPolicy policy(List<ObjectNode> objects) {
        List<HasMetadata> rbac = new ArrayList<>();
        for (ObjectNode object : objects) {
            switch (object.path("kind").asText()) {
                case "Role" -> rbac.add(SERIALIZATION.convertValue(object, Role.class));
                case "ClusterRole" -> rbac.add(SERIALIZATION.convertValue(object, ClusterRole.class));
                case "RoleBinding" -> rbac.add(SERIALIZATION.convertValue(object, RoleBinding.class));
                case "ClusterRoleBinding" -> rbac.add(SERIALIZATION.convertValue(object, ClusterRoleBinding.class));
                default -> {
                    // Not read by the authorizer.
                }
            }
        }
        return RbacPolicy.of(rbac);
    }

    /** The objects of a multi-document YAML text; {@code source} names it in errors. */
    static List<ObjectNode> documents(String yaml, String source) {
        List<ObjectNode> objects = new ArrayList<>();
        try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (values.hasNextValue()) {
                JsonNode node = values.nextValue();
                if (node instanceof ObjectNode object) {
                    objects.add(object);
                } else if (node != null && !node.isNull() && !node.isMissingNode()) {
                    throw new IllegalArgumentException(source + ": a document is not a mapping");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + source, e);
        }
        return objects;
    }

    /** Every object the kustomization in {@code dir} builds, before any filtering. */
    static List<ObjectNode> render(Path dir) {
        Path file = kustomizationFile(dir);
        ObjectNode kustomization = single(documents(read(file), file.toString()), file);
        List<ObjectNode> objects = new ArrayList<>();
        for (String field : List.of("resources", "components")) {
            for (JsonNode entry : kustomization.path(field)) {
                objects.addAll(resource(dir, entry.asText(), file));
            }
        }
        for (Iterator<String> names = kustomization.fieldNames(); names.hasNext();) {
            String name = names.next();
            JsonNode value = kustomization.get(name);
            switch (name) {
                case "resources", "components" -> {
                    // Read above.
                }
                case "namespace" -> setNamespace(objects, value.asText());
                case "namePrefix", "nameSuffix" -> refuseIfRbac(objects, file, name);
                default -> {
                    if (PATCH_FIELDS.contains(name)) {
                        refusePatchesOfRbac(dir, value, file);
                    } else if (!INERT_FIELDS.contains(name)) {
                        throw new UnsupportedOperationException(file + ": the fake site's RBAC loader does not know "
                                + "the kustomization field '" + name + "'; teach DeployRbac what it does to RBAC");
                    }
                }
            }
        }
        return objects;
    }

    private static List<ObjectNode> resource(Path dir, String entry, Path kustomization) {
        if (entry.contains("://") || entry.startsWith("github.com/")) {
            throw new UnsupportedOperationException(kustomization + ": remote resource " + entry + " is not supported");
        }
        Path path = dir.resolve(entry).normalize();
        if (Files.isDirectory(path)) {
            return render(path);
        }
        return documents(read(path), path.toString());
    }

    /** Kustomize's namespace transformer, for what RBAC depends on: namespaced objects, and subjects named "default". */
    private static void setNamespace(List<ObjectNode> objects, String namespace) {
        for (ObjectNode object : objects) {
            String kind = object.path("kind").asText();
            if (!kind.startsWith("Cluster") && !kind.equals("Namespace") && object.path("metadata").isObject()) {
                ((ObjectNode) object.get("metadata")).put("namespace", namespace);
            }
            if (kind.equals("RoleBinding") || kind.equals("ClusterRoleBinding")) {
                for (JsonNode subject : object.path("subjects")) {
                    if (subject.path("kind").asText().equals("ServiceAccount")
                            && subject.path("name").asText().equals("default")) {
                        ((ObjectNode) subject).put("namespace", namespace);
                    }
                }
            }
        }
    }

    private static void refuseIfRbac(List<ObjectNode> objects, Path file, String field) {
        for (ObjectNode object : objects) {
            if (KINDS.contains(object.path("kind").asText())) {
                throw new UnsupportedOperationException(file + ": " + field + " would rename "
                        + object.path("kind").asText() + " " + object.path("metadata").path("name").asText()
                        + " and the references to it; the fake site's RBAC loader does not do that");
            }
        }
    }

    private static void refusePatchesOfRbac(Path dir, JsonNode patches, Path file) {
        for (JsonNode patch : patches) {
            String targetKind = patch.path("target").path("kind").asText("");
            List<String> kinds = new ArrayList<>(List.of(targetKind));
            if (targetKind.isEmpty()) {
                String text = patch.isTextual() ? read(dir.resolve(patch.asText()))
                        : patch.has("path") ? read(dir.resolve(patch.get("path").asText()))
                        : patch.path("patch").asText("");
                kinds.addAll(patchedKinds(text, file));
            }
            for (String kind : kinds) {
                if (KINDS.contains(kind)) {
                    throw new UnsupportedOperationException(file + ": a patch of " + kind
                            + " objects; the fake site's RBAC loader does not apply patches");
                }
            }
        }
    }

    /** The kinds a strategic-merge patch names; a JSON 6902 patch (a list) names none. */
    private static List<String> patchedKinds(String text, Path file) {
        List<String> kinds = new ArrayList<>();
        try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(text)) {
            while (values.hasNextValue()) {
                kinds.add(values.nextValue().path("kind").asText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse a patch in " + file, e);
        }
        return kinds;
    }

    private static Path kustomizationFile(Path dir) {
        return KUSTOMIZATION_FILES.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no kustomization file in " + dir));
    }

    private static ObjectNode single(List<ObjectNode> documents, Path file) {
        if (documents.size() != 1) {
            throw new IllegalArgumentException(file + " must hold one document");
        }
        return documents.get(0);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
