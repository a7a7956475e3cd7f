package io.pra.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one Jackson configuration for event payloads, shared by the codec and by services. */
public final class EventJson {

    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private EventJson() {
    }

    /**
     * The shared, fully configured mapper. Do not reconfigure it: call
     * {@link #configure(ObjectMapper)} on a mapper of your own instead.
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Applies the event conventions to a mapper (for instance a Quarkus
     * {@code ObjectMapperCustomizer}) and returns it.
     */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper
                .registerModule(new JavaTimeModule())
                // Instants and durations travel as ISO-8601 strings, readable by any consumer.
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                // Changes are additive: a reader must accept fields added after it was built.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // "{...} garbage" is a broken record, not a valid one with noise after it.
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    }
}
