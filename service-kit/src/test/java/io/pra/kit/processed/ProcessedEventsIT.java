package io.pra.kit.processed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;

import org.junit.jupiter.api.Test;

import io.pra.testkit.quarkus.ServiceInfrastructureResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The processed-event log on the real PostgreSQL: an id is applied once per consumer, and only if its effect commits. */
@QuarkusTest
@WithTestResource(value = ServiceInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "kit"))
class ProcessedEventsIT {

    @Inject
    ProcessedEvents processed;

    @Test
    void aRedeliveredEventIsRecognised() {
        UUID id = UUID.randomUUID();

        assertThat(QuarkusTransaction.requiringNew().call(() -> processed.markProcessed(id, "votes"))).isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> processed.markProcessed(id, "votes"))).isFalse();
        assertThat(processed.isProcessed(id, "votes")).isTrue();
    }

    @Test
    void eachConsumerAppliesAnEventOnce() {
        UUID id = UUID.randomUUID();

        assertThat(QuarkusTransaction.requiringNew().call(() -> processed.markProcessed(id, "votes"))).isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> processed.markProcessed(id, "backups"))).isTrue();
        assertThat(processed.isProcessed(id, "other")).isFalse();
    }

    @Test
    void anIdWhoseEffectRolledBackIsNotRecorded() {
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            processed.markProcessed(id, "votes");
            throw new IllegalStateException("the effect failed");
        })).hasMessage("the effect failed");

        assertThat(processed.isProcessed(id, "votes")).isFalse();
        assertThat(QuarkusTransaction.requiringNew().call(() -> processed.markProcessed(id, "votes"))).isTrue();
    }

    @Test
    void recordingNeedsTheTransactionOfTheEffect() {
        assertThatThrownBy(() -> processed.markProcessed(UUID.randomUUID(), "votes"))
                .isInstanceOf(TransactionalException.class);
    }
}
