package io.pra.health.service;

import io.pra.health.domain.CheckSpec;
import io.pra.health.domain.ProbeOutcome;
import io.pra.health.domain.ProbeTarget;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** TCP checks: the connection must be accepted within the timeout; it is closed at once. */
public final class TcpProber implements Prober, AutoCloseable {

    private final Vertx vertx;
    /** The connect timeout is a client option, so one client per distinct timeout (there are few). */
    private final Map<Long, NetClient> clients = new ConcurrentHashMap<>();

    public TcpProber(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public boolean enforcesTimeout() {
        return true;
    }

    @Override
    public Uni<ProbeOutcome> probe(CheckSpec check) {
        ProbeTarget.Tcp target = (ProbeTarget.Tcp) check.target();
        long timeoutMillis = Math.max(1, check.timeout().toMillis());
        NetClient client = clients.computeIfAbsent(timeoutMillis,
                millis -> vertx.createNetClient(new NetClientOptions().setConnectTimeout(millis.intValue())));
        return Uni.createFrom().completionStage(() -> {
            long start = System.nanoTime();
            return client.connect(target.port(), target.host())
                    .map(socket -> {
                        socket.close();
                        return ProbeOutcome.pass(null, HttpProber.elapsed(start), "connected to " + target.host() + ":" + target.port());
                    })
                    .recover(error -> Future.succeededFuture(ProbeOutcome.fail(null, HttpProber.elapsed(start),
                            HttpProber.describe(error), target.host() + ":" + target.port())))
                    .toCompletionStage();
        });
    }

    @Override
    public void close() {
        clients.values().forEach(NetClient::close);
    }
}
