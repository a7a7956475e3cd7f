package io.pra.cli.drill;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads {@code pra_votes_rejected_total} from a failover-service's Prometheus endpoint. */
final class RejectedVotesMetric {

    static final String NAME = "pra_votes_rejected_total";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private RejectedVotesMetric() {
    }

    /** The sum of every {@value #NAME} series (all reasons, all sites) at {@code baseUrl}/q/metrics. */
    static double scrape(String baseUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("/q/metrics answered " + response.statusCode());
            }
            return sum(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("/q/metrics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The sum of the {@value #NAME} samples of a Prometheus text exposition; 0 when none (nothing refused yet). */
    static double sum(String exposition) {
        double total = 0;
        for (String line : exposition.split("\n")) {
            if (line.startsWith(NAME + "{") || line.startsWith(NAME + " ")) {
                // NAME{labels} VALUE [TIMESTAMP]
                String sample = line.substring(line.contains("}") ? line.lastIndexOf('}') + 1 : NAME.length()).trim();
                total += Double.parseDouble(sample.split("\\s+")[0]);
            }
        }
        return total;
    }
}
