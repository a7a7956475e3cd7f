package io.pra.testkit.site;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * The custom resource writes of one fake site that its CRDs' schemas did not take as sent: refused (404 for a
 * version not served, 415, 400, 422 {@code Invalid}) or stored with unknown fields pruned. A flow's writes should be
 * neither: a refusal fails the flow on a real cluster, and a pruned field is silently lost there. Each entry is also
 * logged at WARNING. Keeps the last {@value #CAPACITY} entries.
 */
public final class SchemaLog {

    static final int CAPACITY = 10_000;
    private static final Logger LOG = Logger.getLogger(SchemaLog.class.getName());

    /**
     * One write: who sent it ({@code ""} when the site does not authenticate), what it was
     * ({@code create restores.velero.io "r1" in namespace velero}), the answer's code and message, and the unknown
     * fields dropped from what was stored.
     */
    public record Entry(String user, String request, int code, String message, List<String> prunedFields) {

        public Entry {
            prunedFields = List.copyOf(prunedFields);
        }

        /** Whether the site refused the write. */
        public boolean refused() {
            return code >= 300;
        }

        @Override
        public String toString() {
            String who = user.isEmpty() ? "" : user + " ";
            return who + request + ": " + (refused() ? code + " " + message : "stored without unknown field(s) "
                    + prunedFields);
        }
    }

    private final String siteId;
    private final ConcurrentLinkedDeque<Entry> entries = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();

    SchemaLog(String siteId) {
        this.siteId = siteId;
    }

    void record(Entry entry) {
        LOG.warning(() -> "site " + siteId + ": " + entry);
        entries.addLast(entry);
        if (size.incrementAndGet() > CAPACITY && entries.pollFirst() != null) {
            size.decrementAndGet();
        }
    }

    /** Every entry kept, oldest first. */
    public List<Entry> entries() {
        return new ArrayList<>(entries);
    }

    /**
     * Throws an {@link AssertionError} listing every write refused or pruned, if any: for tests whose flows must
     * write only what the real CRDs take ({@code where} names the site in the message).
     */
    public void assertNoneRefusedOrPruned(String where) {
        List<Entry> all = entries();
        if (!all.isEmpty()) {
            StringBuilder message = new StringBuilder(all.size() + " custom resource write(s) not taken as sent on "
                    + where + ":");
            all.stream().map(Entry::toString).distinct().forEach(entry -> message.append(System.lineSeparator())
                    .append("  ").append(entry));
            throw new AssertionError(message.toString());
        }
    }

    /** Forgets every entry. */
    public void clear() {
        entries.clear();
        size.set(0);
    }
}
