package io.pra.cli.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

import org.junit.jupiter.api.Test;

import io.pra.testkit.launch.LoopbackPorts;

/** The drill's TCP proxy between a service and the broker, on real loopback sockets. */
class BrokerProxyTest {

    @Test
    void forwardsBothWays() throws IOException {
        try (ServerSocket broker = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                BrokerProxy proxy = new BrokerProxy("svc", LoopbackPorts.free(), broker.getLocalPort())) {
            proxy.start();
            try (Socket client = connect(proxy); Socket accepted = broker.accept()) {
                client.getOutputStream().write("ping".getBytes());
                assertThat(accepted.getInputStream().readNBytes(4)).isEqualTo("ping".getBytes());
                accepted.getOutputStream().write("pong".getBytes());
                assertThat(client.getInputStream().readNBytes(4)).isEqualTo("pong".getBytes());
            }
        }
    }

    /**
     * While the broker is down (a broker restart), a client's new connection must end at once, as against the
     * broker itself: left open, a Kafka client waits out its 30 s request timeout before it tries again.
     */
    @Test
    void endsTheClientConnectionWhenTheBrokerIsDown() throws IOException {
        int nothingListens = LoopbackPorts.free();
        try (BrokerProxy proxy = new BrokerProxy("svc", LoopbackPorts.free(), nothingListens)) {
            proxy.start();
            try (Socket client = connect(proxy)) {
                client.setSoTimeout(5_000);
                OutputStream out = client.getOutputStream();
                InputStream in = client.getInputStream();
                try {
                    out.write(new byte[] {0, 0, 0, 1, 0});
                    assertThat(in.read()).as("end of stream, not an answer").isEqualTo(-1);
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("the proxy kept the connection open with no broker behind it", e);
                } catch (IOException reset) {
                    // A reset is an end too.
                }
            }
        }
    }

    @Test
    void partitionEndsOpenConnectionsAndHealForwardsAgain() throws IOException {
        try (ServerSocket broker = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                BrokerProxy proxy = new BrokerProxy("svc", LoopbackPorts.free(), broker.getLocalPort())) {
            proxy.start();
            try (Socket client = connect(proxy); Socket accepted = broker.accept()) {
                client.setSoTimeout(5_000);
                proxy.partition();
                assertThat(readOrEnd(client)).isEqualTo(-1);
            }
            proxy.heal();
            try (Socket client = connect(proxy); Socket accepted = broker.accept()) {
                client.getOutputStream().write(7);
                assertThat(accepted.getInputStream().read()).isEqualTo(7);
            }
        }
    }

    private static Socket connect(BrokerProxy proxy) throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), proxy.port());
    }

    private static int readOrEnd(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read();
        } catch (SocketTimeoutException e) {
            throw new AssertionError("connection still open", e);
        } catch (IOException reset) {
            return -1;
        }
    }
}
