package io.pra.kit.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.pra.testkit.quarkus.ServiceInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The kit's REST pieces in an application: the info document and the JSON error body. */
@QuarkusTest
@WithTestResource(value = ServiceInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "kit"))
class KitApiIT {

    @Test
    void infoShowsIdentityThenTheServicesSettings() {
        given().get("/api/v1/info").then().statusCode(200)
                .body("service", equalTo("kit-test"))
                .body("instance", equalTo("it-1"))
                .body("sourceSite", equalTo("a"));
    }

    @Test
    void anUnknownPathAnswersTheJsonErrorBody() {
        given().get("/api/v1/nothing-here").then().statusCode(404)
                .body("status", equalTo(404))
                .body("guard", nullValue());
    }
}
