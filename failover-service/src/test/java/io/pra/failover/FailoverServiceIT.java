package io.pra.failover;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import io.pra.failover.it.FailoverTestResource;
import io.quarkus.test.common.ResourceArg;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = FailoverTestResource.class, initArgs = @ResourceArg(name = "database", value = "failover"))
class FailoverServiceIT {

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
                .body("service", is("failover-service"))
                .body("instance", is("test-failover"))
                .body("targetSite", is("b"));
    }

    @Test
    void openApiDescribesTheOperatorApiAndItsBearerScheme() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/failovers/{id}/approve"))
                .body(containsString("/api/v1/sites/{id}/mode"))
                .body(containsString("bearer"));
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
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'failover'")) {
            while (result.next()) {
                tables.add(result.getString(1));
            }
        }

        assertThat(tables).contains("outbox_event", "processed_event", "flyway_schema_history",
                "site", "site_vote", "backup_seen", "failover_run", "audit_entry");
    }

    @Test
    void theAuditLogIsAppendOnly() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("INSERT INTO audit_entry (at, actor, action, site_id, epoch, detail) "
                    + "VALUES (now(), 'test', 'probe', 'a', 0, 'append-only check')");

            assertThatThrownBy(() -> connection.createStatement().execute("UPDATE audit_entry SET actor = 'x'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> connection.createStatement().execute("DELETE FROM audit_entry"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
    }

    @Test
    void theProtectedSiteStartsAtEpochZeroInTheConfiguredMode() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet result = connection.createStatement()
                        .executeQuery("SELECT epoch, mode FROM site WHERE site_id = 'a'")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getLong(1)).isZero();
            assertThat(result.getString(2)).isEqualTo("AUTO");
        }
    }
}
