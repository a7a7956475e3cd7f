package io.pra.testkit.site;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

/**
 * Sits in front of the CRUD dispatcher so that one store outlives every restart of the HTTP server,
 * and so that the site can answer 503 without losing data.
 */
final class OutageSwitch extends Dispatcher {

    private final Dispatcher store;
    private final String siteId;
    private volatile boolean unavailable;

    OutageSwitch(Dispatcher store, String siteId) {
        this.store = store;
        this.siteId = siteId;
    }

    void unavailable(boolean value) {
        unavailable = value;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (unavailable) {
            return new MockResponse()
                    .setResponseCode(503)
                    .setHeader("Content-Type", "application/json")
                    .setHeader("Retry-After", "1")
                    .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                            + "\"message\":\"site " + siteId + " is unavailable (injected outage)\","
                            + "\"reason\":\"ServiceUnavailable\",\"code\":503}");
        }
        return store.dispatch(request);
    }

    @Override
    public void shutdown() {
        // The mock web server calls this when it stops; the store must survive an outage, so it is not forwarded.
    }
}
