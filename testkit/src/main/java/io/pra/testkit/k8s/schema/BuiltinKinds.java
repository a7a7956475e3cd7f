package io.pra.testkit.k8s.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds a Kubernetes API server serves without any CRD, read into fabric8's typed model: an object whose
 * group/version the server does not serve is refused, and so is any field the typed model has no place for, at any
 * depth. The served group/versions are those Kubernetes 1.35 enables by default (GA APIs; beta APIs are off).
 * The API server's own per-field value checks (enums, required fields, formats) are not reproduced here.
 */
final class BuiltinKinds {

    /** Kubernetes 1.35's group/versions enabled by default. */
    static final Set<String> SERVED = Set.of(
            "v1", "admissionregistration.k8s.io/v1", "apiextensions.k8s.io/v1", "apiregistration.k8s.io/v1", "apps/v1",
            "authentication.k8s.io/v1", "authorization.k8s.io/v1", "autoscaling/v1", "autoscaling/v2", "batch/v1",
            "certificates.k8s.io/v1", "coordination.k8s.io/v1", "discovery.k8s.io/v1", "events.k8s.io/v1",
            "flowcontrol.apiserver.k8s.io/v1", "networking.k8s.io/v1", "node.k8s.io/v1", "policy/v1",
            "rbac.authorization.k8s.io/v1", "resource.k8s.io/v1", "scheduling.k8s.io/v1", "storage.k8s.io/v1");

    private final TypedModel model;

    BuiltinKinds(TypedModel model) {
        this.model = model;
    }

    /** fabric8's class of a built-in {@code apiVersion}/{@code kind}, served or not; custom resources have none. */
    Optional<Class<? extends KubernetesResource>> classOf(String apiVersion, String kind) {
        return model.classOf(apiVersion, kind).filter(HasMetadata.class::isAssignableFrom)
                .filter(type -> type.getName().startsWith("io.fabric8.kubernetes.api.model"));
    }

    /** Admits a copy of {@code object}, whose kind is built in ({@link #classOf} is present). */
    Admission admit(JsonNode object, Class<? extends KubernetesResource> type, UnknownFields unknownFields) {
        JsonNode admitted = object.deepCopy();
        List<Violation> violations = new ArrayList<>();
        List<String> pruned = new ArrayList<>();
        String apiVersion = object.path("apiVersion").asText();
        if (!SERVED.contains(apiVersion)) {
            violations.add(new Violation("apiVersion", Violation.Type.NOT_SERVED, apiVersion + " " + object.path("kind").asText()
                    + " is not served by Kubernetes 1.35 (served group/versions: the GA APIs, e.g. apps/v1, policy/v1)"));
        }
        try {
            Object typed = model.read(admitted, type, "");
            TypedModel.Findings findings = TypedModel.inspect(typed, admitted, "", true);
            for (String path : findings.unknownFields()) {
                if (unknownFields == UnknownFields.REJECT) {
                    violations.add(new Violation(path, Violation.Type.UNKNOWN_FIELD, "unknown field \"" + path + "\""));
                } else {
                    pruned.add(path);
                }
            }
            violations.addAll(findings.violations());
            if (typed instanceof HasMetadata resource && resource.getMetadata() != null) {
                MetadataRules.check(resource.getMetadata(), "metadata", MetadataRules.builtInNameRule(object.path("kind").asText()),
                        true, violations);
            } else {
                violations.add(new Violation("metadata.name", Violation.Type.REQUIRED, "Required value: name or generateName is required"));
            }
        } catch (TypedModel.Unreadable e) {
            violations.add(new Violation(e.path, Violation.Type.TYPE_INVALID, e.getMessage()));
        }
        return new Admission(Admission.describe(object), admitted, violations, pruned, List.of());
    }
}
