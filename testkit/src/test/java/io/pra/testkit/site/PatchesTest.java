package io.pra.testkit.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** What each patch type makes of a stored object, as the API server applies it. */
class PatchesTest {

    private static final JsonNode STORED = Patches.read(
            "{\"spec\":{\"includedNamespaces\":[\"shop\"],\"ttl\":\"1h\",\"labels\":{\"a\":\"1\"}}}");

    @Test
    void aMergePatchReplacesListsRemovesNullsAndMergesObjects() {
        JsonNode patched = Patches.MERGE_PATCH.apply(STORED, Patches.read(
                "{\"spec\":{\"includedNamespaces\":[\"payments\"],\"ttl\":null,\"labels\":{\"b\":\"2\"}}}"));

        assertThat(patched).isEqualTo(Patches.read(
                "{\"spec\":{\"includedNamespaces\":[\"payments\"],\"labels\":{\"a\":\"1\",\"b\":\"2\"}}}"));
        assertThat(STORED.path("spec").path("ttl").asText()).as("the stored object is left alone").isEqualTo("1h");
    }

    @Test
    void aJsonPatchAppliesItsOperationsOrIsRefused() {
        assertThat(Patches.JSON_PATCH.apply(STORED, Patches.read(
                "[{\"op\":\"test\",\"path\":\"/spec/ttl\",\"value\":\"1h\"},{\"op\":\"add\",\"path\":\"/spec/includedNamespaces/-\","
                        + "\"value\":\"payments\"}]")).path("spec").path("includedNamespaces"))
                .isEqualTo(Patches.read("[\"shop\",\"payments\"]"));
        assertThatThrownBy(() -> Patches.JSON_PATCH.apply(STORED, Patches.read(
                "[{\"op\":\"add\",\"path\":\"/status/phase\",\"value\":\"New\"}]")))
                .isInstanceOf(Patches.InvalidPatchException.class);
    }

    @Test
    void thePatchTypeComesFromTheContentType() {
        assertThat(Patches.of("application/merge-patch+json; charset=utf-8")).contains(Patches.MERGE_PATCH);
        assertThat(Patches.of("application/strategic-merge-patch+json")).contains(Patches.STRATEGIC_MERGE_PATCH);
        assertThat(Patches.of("application/json")).isEmpty();
        assertThat(Patches.of(null)).isEmpty();
    }
}
