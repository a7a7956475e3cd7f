package io.pra.testkit.site;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;

/** Requests the fake API server makes to its own store (as its controllers would), and reading the answers. */
final class StoreCalls {

    private final Dispatcher store;

    StoreCalls(Dispatcher store) {
        this.store = store;
    }

    MockResponse get(String path) {
        return call(HttpMethod.GET, path, null);
    }

    MockResponse post(String path, String json) {
        return call(HttpMethod.POST, path, json);
    }

    MockResponse put(String path, String json) {
        return call(HttpMethod.PUT, path, json);
    }

    MockResponse delete(String path) {
        return call(HttpMethod.DELETE, path, null);
    }

    MockResponse forward(RecordedRequest request) {
        return store.dispatch(request);
    }

    /** The body of a request, read without consuming it (the store reads it again). */
    static String body(RecordedRequest request) {
        return request.getBody() == null ? "" : new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
    }

    static String body(MockResponse response) {
        return response.getBody() == null ? "" : new String(response.getBody().getBytes(), StandardCharsets.UTF_8);
    }

    static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }

    private MockResponse call(HttpMethod method, String path, String json) {
        Headers.Builder headers = Headers.builder();
        byte[] bytes = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        if (json != null) {
            headers.add("Content-Type", "application/json");
        }
        return store.dispatch(new RecordedRequest("HTTP/1.1", method, path, headers.build(), new Buffer(bytes)));
    }
}
