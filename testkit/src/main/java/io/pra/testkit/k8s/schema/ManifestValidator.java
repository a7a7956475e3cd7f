package io.pra.testkit.k8s.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.util.List;
import java.util.Optional;

/**
 * Decides, as a Kubernetes 1.35 API server with a given set of CRDs would on create, whether to accept an object: a
 * custom resource is checked against its CRD's served version's structural schema ({@link SchemaValidator}), a
 * built-in kind is read into fabric8's typed model ({@link BuiltinKinds}); a kind neither defines, or a version not
 * served, is refused. See this package's DESIGN.md for what is and is not reproduced.
 */
public final class ManifestValidator {

    private final CustomResourceDefinitions crds;
    private final UnknownFields unknownFields;
    private final BuiltinKinds builtins = new BuiltinKinds(TypedModel.shared());

    public ManifestValidator(CustomResourceDefinitions crds, UnknownFields unknownFields) {
        this.crds = crds;
        this.unknownFields = unknownFields;
    }

    /** Admits a copy of {@code object}: the verdict, and the object as the API server would store it. */
    public Admission admit(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText("");
        String kind = object.path("kind").asText("");
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            return refused(object, new Violation(apiVersion.isEmpty() ? "apiVersion" : "kind", Violation.Type.REQUIRED,
                    "Required value: every object names its apiVersion and kind"));
        }
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        Optional<CustomResourceDefinitions.Definition> definition = crds.find(group, kind);
        if (definition.isPresent()) {
            Optional<CustomResourceDefinitions.Version> served = definition.get().version(version)
                    .filter(CustomResourceDefinitions.Version::served);
            if (served.isEmpty()) {
                return refused(object, new Violation("apiVersion", Violation.Type.NOT_SERVED, "version " + version + " of "
                        + kind + "." + group + " is not served (served: " + String.join(", ", definition.get().servedVersions())
                        + "; CRD " + definition.get().source() + ")"));
            }
            return new SchemaValidator(served.get().schema()).admit(object, unknownFields);
        }
        Optional<Class<? extends KubernetesResource>> builtin = builtins.classOf(apiVersion, kind);
        if (builtin.isPresent()) {
            return builtins.admit(object, builtin.get(), unknownFields);
        }
        return refused(object, new Violation("kind", Violation.Type.UNKNOWN_KIND, "no CustomResourceDefinition defines "
                + kind + " in " + (group.isEmpty() ? "the core group" : group) + ", and it is not a built-in kind of Kubernetes 1.35"));
    }

    /** Admits each object. */
    public List<Admission> admitAll(List<JsonNode> objects) {
        return objects.stream().map(this::admit).toList();
    }

    private static Admission refused(JsonNode object, Violation violation) {
        return new Admission(Admission.describe(object), object.deepCopy(), List.of(violation), List.of(), List.of());
    }
}
