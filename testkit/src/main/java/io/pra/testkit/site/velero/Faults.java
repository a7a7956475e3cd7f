package io.pra.testkit.site.velero;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fault injection for one simulator: faults queue per operation kind, each for the next N operations or until
 * cleared; operations that hang wait here until released.
 */
public final class Faults {

    private final Map<Operation, List<Injection>> injections = new EnumMap<>(Operation.class);
    private final Map<Operation, Map<String, Runnable>> parked = new EnumMap<>(Operation.class);

    Faults() {
        for (Operation operation : Operation.values()) {
            injections.put(operation, new ArrayList<>());
            parked.put(operation, new LinkedHashMap<>());
        }
    }

    /** The next {@code times} operations of this kind suffer the fault (after any fault queued before it). */
    public synchronized Injection inject(Operation operation, Fault fault, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + times);
        }
        return add(new Injection(operation, fault, times));
    }

    /** Every operation of this kind suffers the fault until {@link #clear(Operation)} or {@link Injection#cancel()}. */
    public synchronized Injection injectUntilCleared(Operation operation, Fault fault) {
        return add(new Injection(operation, fault, Injection.UNTIL_CLEARED));
    }

    /** Drops the faults still queued for this kind; operations already hanging keep hanging. */
    public synchronized void clear(Operation operation) {
        injections.get(operation).forEach(Injection::retire);
        injections.get(operation).clear();
    }

    public synchronized void clearAll() {
        for (Operation operation : Operation.values()) {
            clear(operation);
        }
    }

    /** Lets every hanging operation of this kind go on to complete normally; returns how many were released. */
    public int release(Operation operation) {
        List<Runnable> resumed;
        synchronized (this) {
            resumed = new ArrayList<>(parked.get(operation).values());
            parked.get(operation).clear();
        }
        resumed.forEach(Runnable::run);
        return resumed.size();
    }

    /** Lets one hanging operation (backup or restore name) go on; false if it is not hanging. */
    public boolean release(Operation operation, String name) {
        Runnable resume;
        synchronized (this) {
            resume = parked.get(operation).remove(name);
        }
        if (resume == null) {
            return false;
        }
        resume.run();
        return true;
    }

    /** Names of the operations of this kind that are hanging now. */
    public synchronized List<String> hanging(Operation operation) {
        return List.copyOf(parked.get(operation).keySet());
    }

    /** How many injections of this kind are still waiting to apply (an until-cleared one counts once). */
    public synchronized int pending(Operation operation) {
        return injections.get(operation).size();
    }

    /** Takes the fault for the operation that starts now, if any. */
    synchronized Optional<Fault> next(Operation operation) {
        List<Injection> queue = injections.get(operation);
        if (queue.isEmpty()) {
            return Optional.empty();
        }
        Injection head = queue.get(0);
        if (head.consume()) {
            queue.remove(0);
        }
        return Optional.of(head.fault());
    }

    /** Holds a hanging operation until released. */
    synchronized void park(Operation operation, String name, Runnable resume) {
        parked.get(operation).put(name, resume);
    }

    /** Forgets hanging operations; used when the simulator stops. */
    synchronized void forgetHanging() {
        parked.values().forEach(Map::clear);
    }

    private Injection add(Injection injection) {
        injection.owner = this;
        injections.get(injection.operation()).add(injection);
        return injection;
    }

    private synchronized void cancel(Injection injection) {
        injections.get(injection.operation()).remove(injection);
        injection.retire();
    }

    /** One injected fault; tells how often it has applied and can be withdrawn. */
    public static final class Injection {

        static final int UNTIL_CLEARED = -1;

        private final Operation operation;
        private final Fault fault;
        private int remaining;
        private int applied;
        private Faults owner;

        private Injection(Operation operation, Fault fault, int times) {
            this.operation = operation;
            this.fault = fault;
            this.remaining = times;
        }

        public Operation operation() {
            return operation;
        }

        public Fault fault() {
            return fault;
        }

        /** Operations still to be hit; -1 when the fault lasts until cleared, 0 once used up or cancelled. */
        public int remaining() {
            synchronized (owner) {
                return remaining;
            }
        }

        /** Operations hit so far. */
        public int applied() {
            synchronized (owner) {
                return applied;
            }
        }

        /** Withdraws what is left of this injection. */
        public void cancel() {
            owner.cancel(this);
        }

        /** Counts one use; true when this was the last one. */
        private boolean consume() {
            applied++;
            if (remaining == UNTIL_CLEARED) {
                return false;
            }
            remaining--;
            return remaining == 0;
        }

        private void retire() {
            remaining = 0;
        }
    }
}
