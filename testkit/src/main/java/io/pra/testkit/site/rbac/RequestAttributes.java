package io.pra.testkit.site.rbac;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the authorizer sees of a request, read from its method and URL the way the API server's request-info
 * resolver reads them: resource requests ({@code /api/v1/...}, {@code /apis/<group>/<version>/...}) get a Kubernetes
 * verb, group, namespace, resource, subresource and name; anything else is a non-resource request on a path with the
 * lower-cased HTTP method as verb.
 *
 * @param resourceRequest whether the URL names an API resource
 * @param verb            get, list, watch, create, update, patch, delete, deletecollection (or the HTTP method of a
 *                        non-resource request)
 * @param path            the URL path, without the query
 * @param apiGroup        {@code ""} for the core group
 * @param apiVersion      e.g. {@code v1}
 * @param namespace       {@code ""} for cluster-scoped requests
 * @param resource        e.g. {@code deployments}
 * @param subresource     e.g. {@code scale}, {@code ""} when none
 * @param name            the object's name, {@code ""} when the request carries none
 */
public record RequestAttributes(boolean resourceRequest, String verb, String path, String apiGroup, String apiVersion,
        String namespace, String resource, String subresource, String name) {

    private static final Set<String> SPECIAL_VERBS = Set.of("proxy", "watch");
    private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

    /** Reads a request line: {@code method} as sent, {@code uri} the path with its query, as the server got it. */
    public static RequestAttributes of(String method, String uri) {
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        String rawQuery = query < 0 ? "" : uri.substring(query + 1);
        String httpVerb = method.toLowerCase(Locale.ROOT);
        RequestAttributes nonResource = new RequestAttributes(false, httpVerb, path, "", "", "", "", "", "");

        List<String> parts = segments(path);
        if (parts.size() < 3 || !(parts.get(0).equals("api") || parts.get(0).equals("apis"))) {
            return nonResource;
        }
        boolean core = parts.get(0).equals("api");
        parts = parts.subList(1, parts.size());
        String group = "";
        if (!core) {
            if (parts.size() < 3) {
                return nonResource;
            }
            group = parts.get(0);
            parts = parts.subList(1, parts.size());
        }
        String version = parts.get(0);
        parts = parts.subList(1, parts.size());

        String verb;
        if (SPECIAL_VERBS.contains(parts.get(0))) {
            if (parts.size() < 2) {
                return nonResource;
            }
            verb = parts.get(0);
            parts = parts.subList(1, parts.size());
        } else {
            verb = switch (method.toUpperCase(Locale.ROOT)) {
                case "POST" -> "create";
                case "GET", "HEAD" -> "get";
                case "PUT" -> "update";
                case "PATCH" -> "patch";
                case "DELETE" -> "delete";
                default -> "";
            };
        }

        String namespace = "";
        if (parts.get(0).equals("namespaces") && parts.size() > 1) {
            namespace = parts.get(1);
            if (parts.size() > 2 && !NAMESPACE_SUBRESOURCES.contains(parts.get(2))) {
                parts = parts.subList(2, parts.size());
            }
        }

        String resource = parts.get(0);
        String name = parts.size() >= 2 ? parts.get(1) : "";
        String subresource = parts.size() >= 3 && !verb.equals("proxy") ? parts.get(2) : "";

        if (name.isEmpty() && verb.equals("get")) {
            Optional<String> watch = parameter(rawQuery, "watch");
            verb = watch.isPresent() && !Set.of("false", "0").contains(watch.get().toLowerCase(Locale.ROOT))
                    ? "watch" : "list";
            // A list or watch of one object by field selector is authorized by that object's name (resourceNames).
            name = parameter(rawQuery, "fieldSelector").flatMap(RequestAttributes::exactName).orElse("");
        }
        if (name.isEmpty() && verb.equals("delete")) {
            verb = "deletecollection";
        }
        return new RequestAttributes(true, verb, path, group, version, namespace, resource, subresource, name);
    }

    /** {@code resource/subresource}, or the resource alone; what rules' {@code resources} are matched against. */
    public String combinedResource() {
        return subresource.isEmpty() ? resource : resource + "/" + subresource;
    }

    /** For messages: {@code get deployments/scale "web" in namespace shop}, or {@code get path /version}. */
    public String describe() {
        if (!resourceRequest) {
            return verb + " path " + path;
        }
        String group = apiGroup.isEmpty() ? "" : "." + apiGroup;
        String named = name.isEmpty() ? "" : " \"" + name + "\"";
        String where = namespace.isEmpty() ? " cluster-wide" : " in namespace " + namespace;
        return verb + " " + resource + group + (subresource.isEmpty() ? "" : "/" + subresource) + named + where;
    }

    private static List<String> segments(String path) {
        String trimmed = path.replaceAll("^/+", "").replaceAll("/+$", "");
        return trimmed.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(trimmed.split("/")));
    }

    private static Optional<String> parameter(String query, String key) {
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String k = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            if (k.equals(key)) {
                return Optional.of(equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /** The name a field selector requires exactly ({@code metadata.name=x} or {@code ==x}), if it is a valid name. */
    private static Optional<String> exactName(String selector) {
        for (String term : selector.split(",")) {
            String trimmed = term.trim();
            for (String operator : List.of("==", "=")) {
                String prefix = "metadata.name" + operator;
                if (trimmed.startsWith(prefix)) {
                    String value = trimmed.substring(prefix.length()).trim();
                    boolean valid = !value.isEmpty() && !value.equals(".") && !value.equals("..")
                            && !value.contains("/") && !value.contains("%");
                    return valid ? Optional.of(value) : Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
