package io.pra.cli.drill;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.pra.events.EventJson;
import io.pra.testkit.launch.ServiceProcess;

/** An observer that may join Kafka: its API answers and it reports every site up with no degraded check. */
final class SteadyObserver {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private SteadyObserver() {
    }

    /** Waits until the observer reports every site healthy twice in a row, a second apart. */
    static void await(ServiceProcess observer, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        int steadyRounds = 0;
        while (System.nanoTime() < deadline) {
            if (!observer.isAlive()) {
                throw new IllegalStateException(observer.name() + " exited during start-up (exit code "
                        + observer.exitCode().orElse(-1) + "); see " + observer.log());
            }
            steadyRounds = sitesHealthy(observer) ? steadyRounds + 1 : 0;
            if (steadyRounds >= 2) {
                return;
            }
            TimelinePlayer.sleep(1000);
        }
        throw new IllegalStateException(observer.name() + " did not see every site healthy within "
                + bound.toSeconds() + " s; see " + observer.log());
    }

    private static boolean sitesHealthy(ServiceProcess observer) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(observer.baseUrl() + "/sites"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return false;
            }
            var sites = EventJson.mapper().readTree(response.body());
            if (!sites.isArray() || sites.isEmpty()) {
                return false;
            }
            for (var site : sites) {
                if (site.path("down").asBoolean(true) || site.path("degraded").asLong(1) > 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
