package io.pra.cli.drill;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import io.pra.events.EventJson;
import io.pra.testkit.sink.SlackSink;

/** Shows each notification as the Slack and SMTP sinks receive it. */
final class SinkWatcher implements AutoCloseable {

    private final DrillEnvironment env;
    private final EventNarrator narrator;
    private final Progress progress;
    private final Thread thread;
    private volatile boolean running = true;
    private int slackSeen;
    private int mailSeen;

    SinkWatcher(DrillEnvironment env, EventNarrator narrator, Progress progress) {
        this.env = env;
        this.narrator = narrator;
        this.progress = progress;
        this.thread = new Thread(this::loop, "drill-sink-watcher");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                var posts = env.slack().posts();
                for (int i = slackSeen; i < posts.size(); i++) {
                    SlackSink.ReceivedPost post = posts.get(i);
                    progress.line("NOTIFY    slack" + (post.accepted() ? "" : " (answered " + post.status() + ")")
                            + ": " + slackText(post.body()) + since());
                }
                slackSeen = posts.size();
                var mails = env.smtp().messages();
                for (int i = mailSeen; i < mails.size(); i++) {
                    progress.line("NOTIFY    email to " + ServiceLaunches.EMAIL_TO + ": " + mails.get(i).getSubject()
                            + since());
                }
                mailSeen = mails.size();
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // A sink read racing shutdown: the next round or the final count will tell.
            }
        }
    }

    private String since() {
        Instant lost = narrator.siteLostAt();
        return lost == null ? "" : " [site loss +" + io.pra.cli.scenario.DurationText.format(
                Duration.between(lost, Instant.now())) + "]";
    }

    private static String slackText(String body) {
        try {
            JsonNode json = EventJson.mapper().readTree(body);
            String text = json.path("text").asText("");
            if (text.isEmpty()) {
                text = json.path("blocks").path(0).path("text").path("text").asText(body);
            }
            text = text.replaceAll("\\s+", " ").trim();
            return text.length() > 110 ? text.substring(0, 110) + "..." : text;
        } catch (Exception e) {
            return "(not JSON)";
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
