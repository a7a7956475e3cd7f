package io.pra.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CloudEventHeadersTest {

    private static final Instant NOW = Instant.parse("2026-03-14T10:00:08.400Z");

    private final CloudEventFactory factory =
            new CloudEventFactory("health-service", "obs-b", Clock.fixed(NOW, ZoneOffset.UTC));
    private final PraEvent siteDown = EventFixtures.sample(EventType.SITE_DOWN);

    @Test
    void factoryFillsEveryAttribute() {
        CloudEventAttributes attributes = factory.attributesFor(siteDown);

        assertThat(attributes.source()).isEqualTo("/pra/health-service/obs-b");
        assertThat(attributes.type()).isEqualTo(EventTypes.SITE_DOWN);
        assertThat(attributes.subject()).isEqualTo(EventFixtures.SITE_A);
        assertThat(attributes.time()).isEqualTo(NOW);
        assertThat(attributes.specVersion()).isEqualTo("1.0");
        assertThat(attributes.dataContentType()).isEqualTo("application/json");
        assertThat(UUID.fromString(attributes.id()).toString()).isEqualTo(attributes.id());
        assertThat(factory.attributesFor(siteDown).id()).isNotEqualTo(attributes.id());
    }

    @ParameterizedTest
    @CsvSource({"Health-Service,obs-b", "health-service,obs/b", "health service,obs-b", "health-service,''"})
    void factoryRejectsASourceThatIsNotPraShaped(String service, String instance) {
        Clock clock = Clock.systemUTC();

        assertThatThrownBy(() -> new CloudEventFactory(service, instance, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/pra/<service>/<instance>");
    }

    @Test
    void headersAreWrittenAsSmallRyeWritesThem() {
        CloudEventAttributes attributes = factory.attributesFor(siteDown);

        Headers headers = CloudEventHeaders.write(attributes, new RecordHeaders());

        assertThat(Arrays.stream(headers.toArray()).map(Header::key).collect(Collectors.toList()))
                .containsExactlyInAnyOrder("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_subject",
                        "ce_time", "ce_datacontenttype", "content-type");
        assertThat(text(headers, "ce_time")).isEqualTo("2026-03-14T10:00:08.4Z");
        assertThat(text(headers, "ce_type")).isEqualTo("pra.site.down");
        assertThat(text(headers, "ce_subject")).isEqualTo("site-a");
        assertThat(text(headers, "content-type")).isEqualTo("application/json");
        assertThat(text(headers, "ce_specversion")).isEqualTo("1.0");
    }

    @Test
    void headersRoundTrip() {
        CloudEventAttributes attributes = factory.attributesFor(siteDown);

        assertThat(CloudEventHeaders.read(CloudEventHeaders.write(attributes, new RecordHeaders())))
                .isEqualTo(attributes);
    }

    @Test
    void rewritingReplacesRatherThanDuplicates() {
        Headers headers = CloudEventHeaders.write(factory.attributesFor(siteDown), new RecordHeaders());
        CloudEventAttributes second = factory.attributesFor(siteDown);

        CloudEventHeaders.write(second, headers);

        assertThat(headers.headers("ce_id")).hasSize(1);
        assertThat(CloudEventHeaders.read(headers)).isEqualTo(second);
    }

    @Test
    void readsWhatAnotherSmallRyeProducerWrites() {
        Headers headers = new RecordHeaders();
        add(headers, "ce_specversion", "1.0");
        add(headers, "ce_id", "0b6f3c8e-1f1e-4d55-9f0a-7c4a2f4c9a11");
        add(headers, "ce_source", "/pra/backup-service/backup-service-7d9f-x2k4q");
        add(headers, "ce_type", "pra.backup.completed");
        add(headers, "ce_subject", "site-a");
        add(headers, "ce_time", "2026-03-14T10:56:41.25+01:00");
        add(headers, "content-type", "application/json");
        add(headers, "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        CloudEventAttributes attributes = CloudEventHeaders.read(headers);

        assertThat(attributes.time()).isEqualTo(Instant.parse("2026-03-14T09:56:41.250Z"));
        assertThat(attributes.eventType()).isEqualTo(EventType.BACKUP_COMPLETED);
        assertThat(attributes.dataContentType()).isEqualTo("application/json");
    }

    @ParameterizedTest
    @CsvSource({
        "ce_id, id", "ce_source, source", "ce_type, type", "ce_subject, subject", "ce_time, time",
        "ce_specversion, specversion"})
    void missingRequiredHeaderNamesTheAttribute(String header, String attribute) {
        Headers headers = CloudEventHeaders.write(factory.attributesFor(siteDown), new RecordHeaders());
        headers.remove(header);

        assertThatThrownBy(() -> CloudEventHeaders.read(headers))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(header + ": missing required CloudEvents attribute '" + attribute + "'")
                .extracting(e -> ((InvalidEventException) e).location()).isEqualTo(header);
    }

    @Test
    void contentTypeFallsBackToTheCeHeaderThenIsRequired() {
        Headers headers = CloudEventHeaders.write(factory.attributesFor(siteDown), new RecordHeaders());
        headers.remove("content-type");

        assertThat(CloudEventHeaders.read(headers).dataContentType()).isEqualTo("application/json");

        headers.remove("ce_datacontenttype");
        assertThatThrownBy(() -> CloudEventHeaders.read(headers))
                .hasMessage("pra.site.down: ce_datacontenttype: missing required CloudEvents attribute "
                        + "'datacontenttype' (no ce_datacontenttype header)");
    }

    @Test
    void malformedTimeIsNamed() {
        Headers headers = CloudEventHeaders.write(factory.attributesFor(siteDown), new RecordHeaders());
        add(headers, "ce_time", "14/03/2026 10:00");

        assertThatThrownBy(() -> CloudEventHeaders.read(headers))
                .hasMessage("pra.site.down: ce_time: not an RFC 3339 date-time: '14/03/2026 10:00'");
    }

    @Test
    void unknownTypeHeaderIsAnUnknownType() {
        Headers headers = CloudEventHeaders.write(factory.attributesFor(siteDown), new RecordHeaders());
        headers.remove("ce_type");
        add(headers, "ce_type", "pra.site.sideways");

        assertThatThrownBy(() -> CloudEventHeaders.read(headers)).isInstanceOf(UnknownEventTypeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ce_id=42", "ce_source=pra/health-service/obs-b", "ce_specversion=0.3",
        "content-type=text/plain"})
    void invalidAttributeValuesAreRejected(String replacement) {
        String header = replacement.substring(0, replacement.indexOf('='));
        Headers headers = CloudEventHeaders.write(factory.attributesFor(siteDown), new RecordHeaders());
        headers.remove(header);
        add(headers, header, replacement.substring(header.length() + 1));

        assertThatThrownBy(() -> CloudEventHeaders.read(headers))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("pra.site.down: ");
    }

    private static void add(Headers headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Headers headers, String key) {
        return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
