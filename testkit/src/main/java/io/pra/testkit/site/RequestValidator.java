package io.pra.testkit.site;

import java.util.Optional;

/**
 * Validation a fake site applies to an authorized request before it reaches the store, as the API server validates
 * objects (and runs validating admission) after authorization. The default lets everything through; a CRD schema
 * validator plugs in here with {@link FakeSite#validateRequests(RequestValidator)}.
 */
@FunctionalInterface
public interface RequestValidator {

    /** Lets every request through. */
    RequestValidator ACCEPT_ALL = request -> Optional.empty();

    /** Empty to let {@code request} through; else the refusal the site answers with instead of storing it. */
    Optional<ApiRefusal> validate(ApiRequest request);
}
