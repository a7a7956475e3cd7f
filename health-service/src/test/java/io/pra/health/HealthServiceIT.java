package io.pra.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

import io.pra.events.signing.SigningKeys;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = HealthTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HealthServiceIT {

    @Test
    void isLiveAndReadyOnARealBroker() {
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                .body("checks.name", hasItem("Kafka connection health check"));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void infoShowsTheConfiguredInstanceAndTheSigningKeyIdNeverTheKey() {
        String info = given().get("/api/v1/info").then().statusCode(200)
                .body("service", is("health-service"))
                .body("instance", is("test-health"))
                .body("observerId", is(HealthFixtures.OBSERVER))
                .body("signingKeyId", is(SigningKeys.keyId(SigningFixtures.observerPublicKey())))
                .extract().asString();
        assertThat(info).doesNotContain(SigningFixtures.observerPrivateKeyBody()).doesNotContain("PRIVATE KEY");
    }
}
