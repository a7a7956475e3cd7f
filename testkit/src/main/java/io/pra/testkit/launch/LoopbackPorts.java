package io.pra.testkit.launch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Ports on 127.0.0.1 for the processes and servers a drill, a bench or a test starts. */
public final class LoopbackPorts {

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    private static final Random RANDOM = new SecureRandom();

    private LoopbackPorts() {
    }

    /** A port free now and never handed out before by this JVM. */
    public static int free() {
        // Below Linux's ephemeral range (32768-60999): a port the kernel hands out for ServerSocket(0) can be
        // taken as the local port of some outgoing connection in the seconds a service JVM takes to bind it.
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = 20_000 + RANDOM.nextInt(12_000);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress("127.0.0.1", port));
                if (HANDED_OUT.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                // In use: try another.
            }
        }
        throw new IllegalStateException("no free port after 100 attempts");
    }
}
