package io.pra.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pra.events.InvalidEventException.Violation;
import io.pra.events.failover.FailoverPhase;
import io.pra.events.failover.FailoverStep;
import io.pra.events.failover.StepStatus;
import io.pra.events.failover.Trigger;
import io.pra.events.health.CheckKind;
import io.pra.events.health.HealthDegraded;
import io.pra.events.health.Severity;
import io.pra.events.health.SiteDown;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyTypeRoundTrips(EventType type) {
        PraEvent sample = EventFixtures.sample(type);

        byte[] json = codec.write(sample);

        assertThat(codec.read(json, type)).isEqualTo(sample);
        assertThat(codec.read(json, type.type())).isEqualTo(sample);
        assertThat(codec.read(json, type.recordClass())).isEqualTo(sample);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void unknownFieldsAreIgnoredAtTopLevelAndInside(EventType type) {
        ObjectNode tree = tree(type);
        tree.put("addedInALaterVersion", "whatever");
        tree.putObject("anotherNewObject").put("nested", 1);
        for (var field : tree.properties()) {
            // namespaceMapping is a map: a new entry there is data, not an unknown field.
            if (!field.getKey().equals("namespaceMapping")) {
                addUnknownField(field.getValue());
            }
        }

        assertThat(codec.read(bytes(tree), type)).isEqualTo(EventFixtures.sample(type));
    }

    @Test
    void timesAndDurationsAreIso8601Strings() {
        JsonNode tree = tree(EventType.SITE_DOWN);

        assertThat(tree.get("observedAt").asText()).isEqualTo("2026-03-14T10:00:08.400Z");
        assertThat(tree.get("voteTtl").asText()).isEqualTo("PT30S");
        assertThat(tree.at("/failingChecks/0/evidence/latency").asText()).isEqualTo("PT2S");
        assertThat(tree.at("/failingChecks/1/kind").asText()).isEqualTo("kubernetes-api");
        assertThat(tree.get("sequence").isIntegralNumber()).isTrue();
    }

    @Test
    void nullFieldsAreLeftOut() {
        JsonNode tree = tree(EventType.BACKUP_FAILED);

        assertThat(tree.has("startedAt")).isFalse();
        assertThat(tree.has("itemsBackedUp")).isFalse();
        assertThat(tree.get("validationErrors")).hasSize(1);
    }

    @Test
    void malformedJsonSaysWhereAndWhy() {
        byte[] json = "{\"site\": \"site-a\", oops}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.read(json, EventType.SITE_DOWN))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("pra.site.down: malformed JSON at line 1 column 20: ")
                .hasMessageContaining("was expecting double-quote to start field name");
    }

    @Test
    void trailingGarbageIsMalformed() {
        byte[] json = (new String(codec.write(EventFixtures.sample(EventType.SITE_UP)), StandardCharsets.UTF_8) + " {}")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.read(json, EventType.SITE_UP))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("malformed JSON");
    }

    @Test
    void emptyAndNonObjectPayloadsAreRejected() {
        assertThatThrownBy(() -> codec.read(new byte[0], EventType.SITE_UP))
                .hasMessage("pra.site.up: empty payload");
        assertThatThrownBy(() -> codec.read("[1, 2]".getBytes(StandardCharsets.UTF_8), EventType.SITE_UP))
                .hasMessage("pra.site.up: expected object but got array");
    }

    @Test
    void missingRequiredFieldIsNamed() {
        ObjectNode tree = tree(EventType.SITE_DOWN);
        tree.remove("sequence");

        InvalidEventException e = readInvalid(tree, EventType.SITE_DOWN);

        assertThat(e).hasMessage("pra.site.down: /sequence: required property is missing");
        assertThat(e.eventType()).isEqualTo("pra.site.down");
        assertThat(e.location()).isEqualTo("/sequence");
        assertThat(e.reason()).isEqualTo("required property is missing");
    }

    @Test
    void wrongTypeIsNamed() {
        ObjectNode tree = tree(EventType.SITE_DOWN);
        tree.put("sequence", "1042");

        assertThat(readInvalid(tree, EventType.SITE_DOWN))
                .hasMessage("pra.site.down: /sequence: expected integer but got string");
    }

    @Test
    void nestedViolationsPointIntoArrays() {
        ObjectNode tree = tree(EventType.SITE_DOWN);
        ((ObjectNode) tree.at("/failingChecks/1")).put("kind", "smtp");
        ((ObjectNode) tree.at("/failingChecks/0")).remove("checkId");

        InvalidEventException e = readInvalid(tree, EventType.SITE_DOWN);

        assertThat(e.violations()).extracting(Violation::location)
                .containsExactlyInAnyOrder("/failingChecks/0/checkId", "/failingChecks/1/kind");
        assertThat(e.getMessage()).contains("/failingChecks/1/kind: Instance does not match any of [");
    }

    @Test
    void badFormatsAreNamed() {
        ObjectNode tree = tree(EventType.FAILOVER_STEP);
        tree.put("failoverId", "not-a-uuid");
        tree.put("startedAt", "yesterday");
        tree.put("duration", "29.5s");

        assertThat(readInvalid(tree, EventType.FAILOVER_STEP).violations())
                .containsExactlyInAnyOrder(
                        new Violation("/failoverId", "String does not match format \"uuid\""),
                        new Violation("/startedAt", "String does not match format \"date-time\""),
                        new Violation("/duration", "String does not match format \"duration\""));
    }

    @Test
    void writingAnInvalidEventFailsAtTheProducer() {
        SiteDown noSite = new SiteDown(null, "obs-b", "zone-b", null, null, 1, List.of(), null, null);

        assertThatThrownBy(() -> codec.write(noSite))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("pra.site.down: ")
                .hasMessageContaining("/site: required property is missing")
                .hasMessageContaining("/failingChecks: ");
    }

    @Test
    void unknownTypeStringIsRejectedWithoutEchoingTooMuch() {
        String longType = "pra.".repeat(100);

        assertThatThrownBy(() -> codec.read("{}".getBytes(StandardCharsets.UTF_8), longType))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("unknown event type 'pra.pra.")
                .hasMessageContaining("known types: pra.backup.completed, ")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(700));
    }

    @Test
    void oneCodecServesManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int round = 0; round < 25; round++) {
                for (EventType type : EventType.values()) {
                    results.add(pool.submit(() -> {
                        PraEvent sample = EventFixtures.sample(type);
                        return codec.read(codec.write(sample), type).equals(sample);
                    }));
                }
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(CheckKind.class)
    void everyCheckKindRoundTrips(CheckKind kind) {
        HealthDegraded sample = (HealthDegraded) EventFixtures.sample(EventType.HEALTH_DEGRADED);
        HealthDegraded event = new HealthDegraded(sample.site(), sample.observerId(), sample.checkId(), kind,
                Severity.INFO, sample.consecutiveFailures(), sample.observedAt(), sample.firstFailedAt(),
                sample.evidence());

        assertThat(codec.read(codec.write(event), HealthDegraded.class)).isEqualTo(event);
    }

    @ParameterizedTest
    @EnumSource(FailoverPhase.class)
    void everyPhaseAndStatusRoundTrips(FailoverPhase phase) {
        FailoverStep sample = (FailoverStep) EventFixtures.sample(EventType.FAILOVER_STEP);
        for (StepStatus status : StepStatus.values()) {
            for (Trigger trigger : Trigger.values()) {
                FailoverStep event = new FailoverStep(sample.failoverId(), sample.epoch(), sample.sourceSite(),
                        sample.targetSite(), trigger, phase, status, sample.startedAt(), null, null, null,
                        List.of());

                assertThat(codec.read(codec.write(event), FailoverStep.class)).isEqualTo(event);
            }
        }
    }

    private static void addUnknownField(JsonNode node) {
        if (node.isObject()) {
            ((ObjectNode) node).put("newNestedField", true);
        }
        node.elements().forEachRemaining(element -> {
            if (element.isObject()) {
                ((ObjectNode) element).put("newNestedField", true);
            }
        });
    }

    private ObjectNode tree(EventType type) {
        try {
            return (ObjectNode) EventJson.mapper().readTree(codec.write(EventFixtures.sample(type)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private InvalidEventException readInvalid(JsonNode tree, EventType type) {
        try {
            codec.read(bytes(tree), type);
        } catch (InvalidEventException e) {
            return e;
        }
        throw new AssertionError("expected " + type.type() + " to be rejected: " + tree);
    }

    private static byte[] bytes(JsonNode tree) {
        return tree.toString().getBytes(StandardCharsets.UTF_8);
    }
}
