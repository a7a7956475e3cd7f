package io.pra.failover.it;

import static io.restassured.RestAssured.given;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/** Bearer tokens signed with the test-only key, and SQL helpers, for the operator API ITs. */
final class ApiFixtures {

    static final String OPERATOR = "pra-operator";
    static final String VIEWER = "pra-viewer";

    private ApiFixtures() {
    }

    /** A request carrying a token for {@code user} with {@code roles}. */
    static RequestSpecification as(String user, String... roles) {
        String token = Jwt.upn(user).groups(Set.of(roles)).sign();
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A well-formed operator token signed with a key the service does not trust. */
    static String signedByAnotherKey(String user) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.upn(user).groups(OPERATOR).sign(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static RequestSpecification operator(String user) {
        return as(user, OPERATOR);
    }

    static RequestSpecification viewer(String user) {
        return as(user, VIEWER);
    }

    static String reason(String reason) {
        return "{\"reason\": \"" + reason + "\"}";
    }

    static String mode(String mode, String reason) {
        return "{\"mode\": \"" + mode + "\", \"reason\": \"" + reason + "\"}";
    }

    /** Clears runs, votes, boots, backups, phases and the audit log; the site back to epoch 0 in AUTO, no quorum episode. */
    static void resetDatabase(AgroalDataSource dataSource) throws SQLException {
        execute(dataSource, "TRUNCATE site_vote, observer_boot, failover_run, failover_phase, backup_seen, audit_entry, drill_run; "
                + "UPDATE site SET epoch = 0, mode = 'AUTO', quorum_incomplete_since = NULL");
    }

    static long count(AgroalDataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    static String text(AgroalDataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        }
    }

    static void execute(AgroalDataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
