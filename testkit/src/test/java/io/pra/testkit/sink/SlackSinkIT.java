package io.pra.testkit.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlackSinkIT {

    private final SlackSink sink = SlackSink.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void closeSink() {
        sink.close();
    }

    @Test
    void acceptsAndRecordsWebhookPosts() throws Exception {
        HttpResponse<String> response = post(sink.webhookUrl("T0/B0/x"), "{\"text\":\"site a down\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok");
        assertThat(sink.posts()).singleElement().satisfies(post -> {
            assertThat(post.path()).isEqualTo("/services/T0/B0/x");
            assertThat(post.body()).isEqualTo("{\"text\":\"site a down\"}");
            assertThat(post.contentType()).isEqualTo("application/json");
            assertThat(post.accepted()).isTrue();
        });
    }

    @Test
    void rateLimitsTheNextPostsWithRetryAfterThenAccepts() throws Exception {
        sink.rateLimitNext(2, 7);

        HttpResponse<String> first = post(sink.webhookUrl("a"), "{}");
        HttpResponse<String> second = post(sink.webhookUrl("a"), "{}");
        HttpResponse<String> third = post(sink.webhookUrl("a"), "{}");

        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(sink.posts()).extracting(SlackSink.ReceivedPost::status).containsExactly(429, 429, 200);
    }

    @Test
    void failsTheNextPostWith500() throws Exception {
        sink.failNext(1);

        assertThat(post(sink.webhookUrl("a"), "{}").statusCode()).isEqualTo(500);
        assertThat(post(sink.webhookUrl("a"), "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownPathsAreNotWebhooks() throws Exception {
        assertThat(post(sink.baseUrl() + "/api/chat.postMessage", "{}").statusCode()).isEqualTo(404);
        assertThat(sink.posts()).isEmpty();
    }

    @Test
    void resetForgetsPostsAndFaults() throws Exception {
        sink.failNext(3);
        post(sink.webhookUrl("a"), "{}");

        sink.reset();

        assertThat(sink.posts()).isEmpty();
        assertThat(post(sink.webhookUrl("a"), "{}").statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> sink.failNext(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
