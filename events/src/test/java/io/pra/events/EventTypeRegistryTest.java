package io.pra.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventTypeRegistryTest {

    @Test
    void everyTypeConstantIsRegisteredAndNothingElse() {
        List<String> constants = Arrays.stream(EventTypes.class.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(EventTypeRegistryTest::value)
                .collect(Collectors.toList());

        assertThat(constants).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values()).map(EventType::type)
                        .collect(Collectors.toList()));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void typeIsOnTheTopicItsFamilyBelongsTo(EventType type) {
        String expected;
        if (type.type().startsWith("pra.backup.")) {
            expected = Topics.BACKUP;
        } else if (type.type().startsWith("pra.health.") || type.type().startsWith("pra.site.")) {
            expected = Topics.HEALTH;
        } else if (type.type().startsWith("pra.failover.") || type.type().startsWith("pra.drill.")) {
            expected = Topics.FAILOVER;
        } else {
            expected = "no topic: unexpected type family";
        }

        assertThat(type.topic()).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void registryLooksUpBothWays(EventType type) {
        assertThat(type.recordClass().isRecord()).isTrue();
        assertThat(EventType.of(type.type())).isSameAs(type);
        assertThat(EventType.find(type.type())).contains(type);
        assertThat(EventType.of(type.recordClass())).isSameAs(type);
        assertThat(EventType.of(EventFixtures.sample(type))).isSameAs(type);
        assertThat(type.schemaResource()).isEqualTo("schemas/" + type.type() + ".schema.json");
    }

    @Test
    void unknownTypeIsEmptyOrAClearError() {
        assertThat(EventType.find("pra.site.sideways")).isEmpty();
        assertThat(EventType.find(null)).isEmpty();
        assertThatThrownBy(() -> EventType.of("pra.site.sideways"))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageStartingWith("type: unknown event type 'pra.site.sideways'; known types: ")
                .hasMessageContaining(EventTypes.SITE_DOWN);
        assertThatThrownBy(() -> EventType.of((String) null))
                .hasMessageStartingWith("type: unknown event type (none)");
    }

    @Test
    void unregisteredRecordIsRejected() {
        record NotAnEvent(String site) implements PraEvent {
        }

        assertThatThrownBy(() -> EventType.of(new NotAnEvent("site-a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NotAnEvent is not a registered event record");
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
