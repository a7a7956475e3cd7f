package io.pra.testkit.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback between a client (a service, an executor) and one server (a broker listener, a
 * PostgreSQL server), to cut the link the ways a network does:
 * <ul>
 * <li>{@link #partition()}: open connections end and new ones are refused (the listening socket is closed), as
 * with a host that is gone; {@link #heal()} listens again on the same port;</li>
 * <li>{@link #blackHole()}: connections stay open but no byte passes either way and no end is passed on, as with a
 * half-open link or a firewall that drops packets: neither side learns anything until its own timeouts say so;
 * {@link #heal()} lets bytes pass again on the connections still open.</li>
 * </ul>
 * A client whose server cannot be reached sees its connection end at once, as it would against the server itself.
 */
public final class TcpProxy implements AutoCloseable {

    private final String name;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private int port;
    private ServerSocket server;
    private volatile boolean partitioned;
    private volatile boolean blackHoled;

    /** A proxy on {@code port} (0: any free port, fixed at the first start) to {@code targetPort} on loopback. */
    public TcpProxy(String name, int port, int targetPort) {
        this.name = name;
        this.port = port;
        this.targetPort = targetPort;
    }

    /** The port clients connect to; known once started when it was 0. */
    public int port() {
        return port;
    }

    /** Listens and forwards; retries binding the port for a few seconds (a restarted listener may linger). */
    public synchronized TcpProxy start() {
        if (server != null) {
            return this;
        }
        IOException last = null;
        for (int attempt = 0; attempt < 50 && server == null; attempt++) {
            try {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                server = socket;
                port = socket.getLocalPort();
            } catch (IOException e) {
                last = e;
                sleepQuietly(100);
            }
        }
        if (server == null) {
            throw new IllegalStateException("proxy " + name + " cannot listen on port " + port, last);
        }
        ServerSocket listening = server;
        Thread acceptor = new Thread(() -> accept(listening), "proxy-" + name);
        acceptor.setDaemon(true);
        acceptor.start();
        return this;
    }

    /** Cuts the link: open connections are closed and new ones refused. */
    public synchronized void partition() {
        partitioned = true;
        closeServer();
        closeOpen();
    }

    /** Silently drops everything on the open connections, in both directions, without closing them. */
    public synchronized void blackHole() {
        blackHoled = true;
    }

    /** Forwards again: listens again after a partition, lets bytes pass again after a black hole. */
    public synchronized void heal() {
        partitioned = false;
        blackHoled = false;
        start();
    }

    public boolean isPartitioned() {
        return partitioned;
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                if (partitioned) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream;
                try {
                    upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                } catch (IOException refused) {
                    // Nothing listens behind (a server restarting): the client must see its connection end, as it
                    // would against the server itself. Left open, a Kafka client waits out request.timeout.ms.
                    closeQuietly(client);
                    continue;
                }
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // Closed by a partition or at the end: the client retries.
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            boolean passEnd = true;
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (!blackHoled) {
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                }
                passEnd = !blackHoled;
            } catch (IOException e) {
                passEnd = !blackHoled;
            } finally {
                closeQuietly(from);
                open.remove(from);
                if (passEnd) {
                    closeQuietly(to);
                    open.remove(to);
                }
            }
        }, "proxy-" + name + "-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void closeServer() {
        if (server != null) {
            closeQuietly(server);
            server = null;
        }
    }

    private void closeOpen() {
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    @Override
    public synchronized void close() {
        partitioned = true;
        closeServer();
        closeOpen();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Nothing to do.
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
