package io.pra.notifier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(NotifierTestResource.class)
class NotifierServiceIT {

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
    void infoShowsTheConfiguredInstance() {
        given().get("/api/v1/info").then().statusCode(200)
                .body("service", is("notifier-service"))
                .body("instance", is("test-notifier"))
                .body("defaultChannel", is("slack"));
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void isReadyWithItsDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void flywayCreatesTheBaselineInTheServiceSchema() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet result = connection.createStatement().executeQuery(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'notifier'")) {
            while (result.next()) {
                tables.add(result.getString(1));
            }
        }

        assertThat(tables).contains("processed_event", "site_down_episode", "flyway_schema_history").doesNotContain("outbox_event");
    }
}
