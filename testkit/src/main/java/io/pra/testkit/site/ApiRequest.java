package io.pra.testkit.site;

import io.pra.testkit.site.rbac.RequestAttributes;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An authenticated and authorized request, as a {@link RequestValidator} sees it.
 *
 * @param attributes  verb, group, resource, namespace, name... as the authorizer read them
 * @param user        the authenticated user name ({@code ""} when the site does not authenticate)
 * @param contentType the request's {@code Content-Type}, e.g. a patch type; {@code ""} when absent
 * @param body        the request body ({@code ""} when none): the object for create and update, the patch for patch
 * @param stored      reads the object as stored now (JSON), for patches and updates; empty when there is none
 */
public record ApiRequest(RequestAttributes attributes, String user, String contentType, String body,
        Supplier<Optional<String>> stored) {
}
