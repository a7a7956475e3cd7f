package io.pra.testkit.site.velero;

import io.pra.testkit.site.FakeSite;
import io.pra.testkit.site.rbac.RbacPolicy;
import java.time.Clock;
import java.util.Objects;

/**
 * Production site A and standby site B, each a {@link FakeSite} with its {@link VeleroSimulator}, both
 * writing to and syncing from one {@link ObjectStorage} bucket: the 3-2-1 off-site copy in one JVM.
 */
public final class SitePair implements AutoCloseable {

    private final FakeSite a;
    private final FakeSite b;
    private final ObjectStorage storage;
    private final VeleroSimulator veleroA;
    private final VeleroSimulator veleroB;

    private SitePair(FakeSite a, FakeSite b, ObjectStorage storage, VeleroSimulator veleroA,
            VeleroSimulator veleroB) {
        this.a = a;
        this.b = b;
        this.storage = storage;
        this.veleroA = veleroA;
        this.veleroB = veleroB;
    }

    /** Sites {@code a} and {@code b} with default settings, started. */
    public static SitePair start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The production site. */
    public FakeSite a() {
        return a;
    }

    /** The standby site. */
    public FakeSite b() {
        return b;
    }

    public ObjectStorage storage() {
        return storage;
    }

    public VeleroSimulator veleroA() {
        return veleroA;
    }

    public VeleroSimulator veleroB() {
        return veleroB;
    }

    /** The simulator of the site with this id. */
    public VeleroSimulator velero(String siteId) {
        if (a.id().equals(siteId)) {
            return veleroA;
        }
        if (b.id().equals(siteId)) {
            return veleroB;
        }
        throw new IllegalArgumentException("no site " + siteId + " in " + this);
    }

    /**
     * Throws an {@link AssertionError} listing the calls either site refused: by RBAC (see {@link FakeSite#enforce}),
     * or by a CRD's schema, together with the custom resources stored without fields their CRD does not have
     * ({@link FakeSite#schemaLog()}).
     */
    public void assertNoCallRefused() {
        a.authorizations().assertNoneRefused("site " + a.id());
        b.authorizations().assertNoneRefused("site " + b.id());
        a.schemaLog().assertNoneRefusedOrPruned("site " + a.id());
        b.schemaLog().assertNoneRefusedOrPruned("site " + b.id());
    }

    @Override
    public void close() {
        veleroA.close();
        veleroB.close();
        a.close();
        b.close();
    }

    @Override
    public String toString() {
        return "SitePair[" + a + ", " + b + "]";
    }

    /** Settings of a pair; ids default to {@code a} and {@code b}. */
    public static final class Builder {
        private String idA = "a";
        private String idB = "b";
        private Clock clock = Clock.systemUTC();
        private Timings timings = Timings.defaults();
        private ObjectStorage storage = new ObjectStorage();
        private RbacPolicy rbacA;
        private RbacPolicy rbacB;

        private Builder() {
        }

        /** Both sites authenticate tokens and enforce RBAC: site A with {@code a}, site B with {@code b}. */
        public Builder enforceRbac(RbacPolicy a, RbacPolicy b) {
            this.rbacA = Objects.requireNonNull(a);
            this.rbacB = Objects.requireNonNull(b);
            return this;
        }

        /** Both sites enforce the RBAC PRA ships: {@code deploy/overlays/site-a} on A, {@code site-b} on B. */
        public Builder enforceShippedRbac() {
            return enforceRbac(RbacPolicy.shipped("site-a"), RbacPolicy.shipped("site-b"));
        }

        public Builder siteIds(String production, String standby) {
            this.idA = Objects.requireNonNull(production);
            this.idB = Objects.requireNonNull(standby);
            return this;
        }

        /** One clock for both simulators, e.g. a {@code MutableClock}. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        public Builder timings(Timings value) {
            this.timings = Objects.requireNonNull(value);
            return this;
        }

        /** An object storage to share with more sites than these two. */
        public Builder storage(ObjectStorage value) {
            this.storage = Objects.requireNonNull(value);
            return this;
        }

        public SitePair start() {
            FakeSite a = site(idA, rbacA);
            FakeSite b = null;
            VeleroSimulator veleroA = null;
            try {
                b = site(idB, rbacB);
                veleroA = VeleroSimulator.builder(a, storage).clock(clock).timings(timings).build().start();
                VeleroSimulator veleroB = VeleroSimulator.builder(b, storage).clock(clock).timings(timings).build()
                        .start();
                return new SitePair(a, b, storage, veleroA, veleroB);
            } catch (RuntimeException e) {
                if (veleroA != null) {
                    veleroA.close();
                }
                if (b != null) {
                    b.close();
                }
                a.close();
                throw e;
            }
        }

        private static FakeSite site(String id, RbacPolicy rbac) {
            FakeSite site = FakeSite.create(id);
            if (rbac != null) {
                site.enforce(rbac);
            }
            return site.start();
        }
    }
}
