package io.pra.testkit.k8s.schema;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The API server's checks of {@code metadata} on create (apimachinery {@code ValidateObjectMeta}): the name (a
 * DNS-1123 subdomain for most built-in kinds, a DNS label or DNS-1035 label for some, a path segment for custom
 * resources and RBAC objects), the namespace (a DNS label), label keys and values, annotation keys and their total
 * size (256 KiB).
 */
final class MetadataRules {

    /** How a kind's names are checked. */
    enum NameRule {
        DNS_SUBDOMAIN, DNS_LABEL, DNS_1035_LABEL, PATH_SEGMENT
    }

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    private static final int ANNOTATIONS_MAX_BYTES = 256 * 1024;
    private static final Map<String, NameRule> BUILT_IN_NAMES = Map.of(
            "Namespace", NameRule.DNS_LABEL,
            "Service", NameRule.DNS_1035_LABEL,
            "Role", NameRule.PATH_SEGMENT,
            "ClusterRole", NameRule.PATH_SEGMENT,
            "RoleBinding", NameRule.PATH_SEGMENT,
            "ClusterRoleBinding", NameRule.PATH_SEGMENT);

    private MetadataRules() {
    }

    /** The name rule of a built-in kind. */
    static NameRule builtInNameRule(String kind) {
        return BUILT_IN_NAMES.getOrDefault(kind, NameRule.DNS_SUBDOMAIN);
    }

    /** Checks {@code meta} at {@code path} ({@code metadata} of the object or of an embedded resource). */
    static void check(ObjectMeta meta, String path, NameRule nameRule, boolean nameRequired, List<Violation> out) {
        String name = meta.getName();
        if (name == null || name.isEmpty()) {
            if (nameRequired && (meta.getGenerateName() == null || meta.getGenerateName().isEmpty())) {
                out.add(new Violation(Violation.child(path, "name"), Violation.Type.REQUIRED, "Required value: name or generateName is required"));
            }
        } else {
            String problem = nameProblem(name, nameRule);
            if (problem != null) {
                out.add(new Violation(Violation.child(path, "name"), Violation.Type.INVALID, "Invalid value: \"" + name + "\": " + problem));
            }
        }
        String namespace = meta.getNamespace();
        if (namespace != null && !namespace.isEmpty() && (namespace.length() > 63 || !DNS_LABEL.matcher(namespace).matches())) {
            out.add(new Violation(Violation.child(path, "namespace"), Violation.Type.INVALID, "Invalid value: \"" + namespace
                    + "\": must be a lowercase RFC 1123 label"));
        }
        if (meta.getLabels() != null) {
            meta.getLabels().forEach((key, value) -> {
                String where = Violation.key(Violation.child(path, "labels"), key);
                qualifiedName(key, where, out);
                if (value != null && (value.length() > 63 || !LABEL_VALUE.matcher(value).matches())) {
                    out.add(new Violation(where, Violation.Type.INVALID, "Invalid value: \"" + value
                            + "\": a valid label value must be 63 characters or less, empty or alphanumerics, '-', '_' or '.'"
                            + " between alphanumerics"));
                }
            });
        }
        if (meta.getAnnotations() != null) {
            long bytes = 0;
            for (Map.Entry<String, String> annotation : meta.getAnnotations().entrySet()) {
                qualifiedName(annotation.getKey().toLowerCase(), Violation.key(Violation.child(path, "annotations"), annotation.getKey()), out);
                bytes += annotation.getKey().getBytes(StandardCharsets.UTF_8).length
                        + (annotation.getValue() == null ? 0 : annotation.getValue().getBytes(StandardCharsets.UTF_8).length);
            }
            if (bytes > ANNOTATIONS_MAX_BYTES) {
                out.add(new Violation(Violation.child(path, "annotations"), Violation.Type.TOO_LONG, "Too long: must have at most "
                        + ANNOTATIONS_MAX_BYTES + " bytes"));
            }
        }
    }

    static String nameProblem(String name, NameRule rule) {
        return switch (rule) {
            case PATH_SEGMENT -> name.equals(".") || name.equals("..") ? "may not be '" + name + "'"
                    : name.contains("/") || name.contains("%") ? "may not contain '/' or '%'" : null;
            case DNS_LABEL -> name.length() <= 63 && DNS_LABEL.matcher(name).matches() ? null
                    : "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end"
                    + " with an alphanumeric character (at most 63 characters)";
            case DNS_1035_LABEL -> name.length() <= 63 && DNS_1035_LABEL.matcher(name).matches() ? null
                    : "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic"
                    + " character, and end with an alphanumeric character (at most 63 characters)";
            case DNS_SUBDOMAIN -> name.length() <= 253 && DNS_SUBDOMAIN.matcher(name).matches() ? null
                    : "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must"
                    + " start and end with an alphanumeric character (at most 253 characters)";
        };
    }

    /** A label or annotation key: an optional DNS subdomain prefix and '/', then a name of at most 63 characters. */
    private static void qualifiedName(String key, String where, List<Violation> out) {
        String[] parts = key.split("/", -1);
        boolean valid = switch (parts.length) {
            case 1 -> simpleName(parts[0]);
            case 2 -> !parts[0].isEmpty() && parts[0].length() <= 253 && DNS_SUBDOMAIN.matcher(parts[0]).matches()
                    && simpleName(parts[1]);
            default -> false;
        };
        if (!valid) {
            out.add(new Violation(where, Violation.Type.INVALID, "Invalid value: \"" + key + "\": a qualified name must consist of"
                    + " alphanumeric characters, '-', '_' or '.', start and end with an alphanumeric character (at most 63),"
                    + " with an optional DNS subdomain prefix and '/'"));
        }
    }

    private static boolean simpleName(String name) {
        return !name.isEmpty() && name.length() <= 63 && QUALIFIED_NAME.matcher(name).matches();
    }
}
