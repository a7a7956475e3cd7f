package io.pra.cli.drill;

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
 * A TCP proxy between one service process and its broker listener. A partition closes every open connection
 * and refuses new ones (the listening socket is closed); heal listens again on the same port.
 */
final class BrokerProxy implements AutoCloseable {

    private final String name;
    private final int port;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ServerSocket server;
    private Thread acceptor;
    private volatile boolean partitioned;

    BrokerProxy(String name, int port, int targetPort) {
        this.name = name;
        this.port = port;
        this.targetPort = targetPort;
    }

    int port() {
        return port;
    }

    synchronized void start() {
        if (server != null) {
            return;
        }
        IOException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                server = socket;
                break;
            } catch (IOException e) {
                last = e;
                sleepQuietly(100);
            }
        }
        if (server == null) {
            throw new IllegalStateException("proxy " + name + " cannot listen on port " + port, last);
        }
        ServerSocket listening = server;
        acceptor = new Thread(() -> accept(listening), "proxy-" + name);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Cuts the service off: open connections are closed and new ones refused. */
    synchronized void partition() {
        partitioned = true;
        closeServer();
        open.forEach(BrokerProxy::closeQuietly);
        open.clear();
    }

    /** Forwards again. */
    synchronized void heal() {
        partitioned = false;
        start();
    }

    boolean isPartitioned() {
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
                    // The broker is down (restarting): the client must see its connection end, as it would
                    // against the broker itself. Left open, its first request waits out request.timeout.ms (30 s).
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
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // Connection ended.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
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

    @Override
    public synchronized void close() {
        partitioned = true;
        closeServer();
        open.forEach(BrokerProxy::closeQuietly);
        open.clear();
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
