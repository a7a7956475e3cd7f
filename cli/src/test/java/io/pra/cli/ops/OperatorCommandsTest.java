package io.pra.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.pra.cli.Pra;
import picocli.CommandLine;

class OperatorCommandsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private volatile int status = 200;
    private volatile String body = "{}";

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String payload = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " " + payload);
            byte[] answer = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private int run(String... args) {
        CommandLine commandLine = Pra.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void approveSendsTheTokenAndTheComment() {
        body = "{\"failoverId\":\"f-1\",\"state\":\"APPROVED\"}";

        assertThat(run("approve", "f-1", "--comment", "go", "--failover-url", url(), "--token", "t0k")).isZero();

        assertThat(requests).containsExactly("POST /api/v1/failovers/f-1/approve Bearer t0k {\"comment\":\"go\"}");
        assertThat(out.toString()).contains("failover f-1 approved").contains("APPROVED");
    }

    @Test
    void modeAndFailoverAndAbortAndDrillNowUseTheirEndpoints() {
        assertThat(run("mode", "a", "MANUAL", "--failover-url", url(), "--token", "t")).isZero();
        assertThat(run("failover", "a", "--reason", "fire", "--failover-url", url(), "--token", "t")).isZero();
        assertThat(run("abort", "f-2", "--reason", "false alarm", "--failover-url", url(), "--token", "t")).isZero();
        assertThat(run("drill-now", "a", "--failover-url", url(), "--token", "t")).isZero();

        assertThat(requests).containsExactly(
                "PUT /api/v1/sites/a/mode Bearer t {\"mode\":\"MANUAL\",\"reason\":\"set with pra mode\"}",
                "POST /api/v1/sites/a/failover Bearer t {\"reason\":\"fire\"}",
                "POST /api/v1/failovers/f-2/abort Bearer t {\"reason\":\"false alarm\"}",
                "POST /api/v1/drills Bearer t {\"site\":\"a\"}");
    }

    @Test
    void aRefusedTokenSaysSo() {
        status = 401;

        assertThat(run("approve", "f-1", "--failover-url", url(), "--token", "expired")).isEqualTo(1);

        assertThat(err.toString()).contains("refused the token (401 Unauthorized)").contains("PRA_TOKEN");
    }

    @Test
    void aMissingRoleSaysSo() {
        status = 403;

        assertThat(run("mode", "a", "OFF", "--failover-url", url(), "--token", "viewer")).isEqualTo(1);

        assertThat(err.toString()).contains("403 Forbidden").contains("pra-operator");
    }

    @Test
    void anUnreachableServiceSaysWhereItWasLookedFor() {
        String gone = url();
        server.stop(0);

        assertThat(run("backups", "--backup-url", gone)).isEqualTo(1);

        assertThat(err.toString()).contains("backup-service is unreachable at " + gone);
    }

    @Test
    void backupsListsTheCatalog() {
        body = "[{\"name\":\"pra-sample-1\",\"group\":\"sample\",\"phase\":\"Completed\",\"startedAt\":\"2026-11-24T03:00:00Z\","
                + "\"itemsBackedUp\":9,\"offsiteVerifiedAt\":\"2026-11-24T03:00:02Z\"}]";

        assertThat(run("backups", "--group", "sample", "--backup-url", url())).isZero();

        assertThat(requests.get(0)).startsWith("GET /api/v1/backups?limit=20&group=sample ");
        assertThat(out.toString()).contains("pra-sample-1").contains("Completed").contains("2026-11-24T03:00:02Z");
    }
}
