package io.pra.testkit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

import org.junit.jupiter.api.Test;

/** The link-cutting proxy, on real loopback sockets. */
class TcpProxyTest {

    @Test
    void forwardsBothWays() throws IOException {
        try (ServerSocket server = listen(); TcpProxy proxy = new TcpProxy("svc", 0, server.getLocalPort()).start();
                Socket client = connect(proxy); Socket accepted = server.accept()) {
            assertExchange(client, accepted);
        }
    }

    /** A client whose server is down must see its connection end at once, as against the server itself. */
    @Test
    void endsTheClientConnectionWhenNothingListensBehind() throws IOException {
        int nothingListens;
        try (ServerSocket gone = listen()) {
            nothingListens = gone.getLocalPort();
        }
        try (TcpProxy proxy = new TcpProxy("svc", 0, nothingListens).start(); Socket client = connect(proxy)) {
            client.setSoTimeout(5_000);
            try {
                client.getOutputStream().write(new byte[] {0, 0, 0, 1, 0});
                assertThat(client.getInputStream().read()).as("end of stream, not an answer").isEqualTo(-1);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the proxy kept the connection open with nothing behind it", e);
            } catch (IOException reset) {
                // A reset is an end too.
            }
        }
    }

    @Test
    void partitionEndsOpenConnectionsRefusesNewOnesAndHealForwardsAgain() throws IOException {
        try (ServerSocket server = listen(); TcpProxy proxy = new TcpProxy("svc", 0, server.getLocalPort()).start()) {
            try (Socket client = connect(proxy); Socket accepted = server.accept()) {
                proxy.partition();
                client.setSoTimeout(5_000);
                assertThat(readOrEnd(client.getInputStream())).isEqualTo(-1);
                assertThatThrownBy(() -> connect(proxy)).isInstanceOf(ConnectException.class);
            }
            proxy.heal();
            try (Socket client = connect(proxy); Socket accepted = server.accept()) {
                assertExchange(client, accepted);
            }
        }
    }

    /** A black hole passes no byte and no end either way: each side only learns from its own timeouts. */
    @Test
    void aBlackHoleDropsBytesAndEndsButKeepsConnectionsOpenUntilHealed() throws IOException {
        try (ServerSocket server = listen(); TcpProxy proxy = new TcpProxy("svc", 0, server.getLocalPort()).start();
                Socket client = connect(proxy); Socket accepted = server.accept()) {
            proxy.blackHole();
            client.getOutputStream().write("lost".getBytes());
            accepted.setSoTimeout(500);
            assertThatThrownBy(() -> accepted.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            accepted.getOutputStream().write("lost".getBytes());
            client.setSoTimeout(500);
            assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);

            proxy.heal();
            assertExchange(client, accepted);
        }
    }

    private static void assertExchange(Socket client, Socket accepted) throws IOException {
        client.setSoTimeout(5_000);
        accepted.setSoTimeout(5_000);
        OutputStream toServer = client.getOutputStream();
        toServer.write("ping".getBytes());
        assertThat(accepted.getInputStream().readNBytes(4)).isEqualTo("ping".getBytes());
        accepted.getOutputStream().write("pong".getBytes());
        assertThat(client.getInputStream().readNBytes(4)).isEqualTo("pong".getBytes());
    }

    private static int readOrEnd(InputStream in) {
        try {
            return in.read();
        } catch (IOException reset) {
            return -1;
        }
    }

    private static ServerSocket listen() throws IOException {
        return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    private static Socket connect(TcpProxy proxy) throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), proxy.port());
    }
}
