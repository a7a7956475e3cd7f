package io.pra.testkit.site.rbac;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every authorization decision of one fake site, in order, so tests can list what was allowed (and by which rule)
 * and what was refused. Keeps the last {@value #CAPACITY} decisions; {@link #dropped()} says how many went before.
 */
public final class AuthorizationLog {

    static final int CAPACITY = 200_000;

    private final ConcurrentLinkedDeque<Decision> decisions = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();

    /** Adds one decision. */
    public void record(Decision decision) {
        decisions.addLast(decision);
        if (size.incrementAndGet() > CAPACITY && decisions.pollFirst() != null) {
            size.decrementAndGet();
            dropped.incrementAndGet();
        }
    }

    /** Every decision kept, oldest first. */
    public List<Decision> decisions() {
        return new ArrayList<>(decisions);
    }

    /** The refused ones. */
    public List<Decision> refused() {
        return decisions.stream().filter(d -> !d.allowed()).toList();
    }

    /** The decisions about {@code account}'s requests. */
    public List<Decision> of(ServiceAccount account) {
        return decisions.stream().filter(d -> d.user().name().equals(account.username())).toList();
    }

    /** Each distinct decision (same user, request and rule) with how often it was taken, first seen first. */
    public Map<Decision, Integer> distinct() {
        Map<Decision, Integer> counts = new LinkedHashMap<>();
        decisions.forEach(d -> counts.merge(d, 1, Integer::sum));
        return counts;
    }

    /**
     * Throws an {@link AssertionError} listing every refused decision, if any: for tests whose flows must all be
     * allowed ({@code where} names the site in the message).
     */
    public void assertNoneRefused(String where) {
        List<Decision> refused = refused();
        if (!refused.isEmpty()) {
            StringBuilder message = new StringBuilder(refused.size() + " call(s) refused on " + where + ":");
            refused.stream().distinct().forEach(decision -> message.append(System.lineSeparator()).append("  ")
                    .append(decision));
            throw new AssertionError(message.toString());
        }
    }

    /** How many decisions were dropped to keep the log bounded. */
    public int dropped() {
        return dropped.get();
    }

    /** Forgets every decision. */
    public void clear() {
        decisions.clear();
        size.set(0);
        dropped.set(0);
    }
}
