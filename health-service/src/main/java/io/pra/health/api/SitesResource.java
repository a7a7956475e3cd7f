package io.pra.health.api;

import io.pra.health.domain.CheckSnapshot;
import io.pra.health.domain.WorkloadAudit;
import io.pra.health.service.AuditLedger;
import io.pra.health.service.HealthRuntime;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The sites this observer watches and the current state of their checks. */
@Path("/sites")
@Produces(MediaType.APPLICATION_JSON)
public class SitesResource {

    private final HealthRuntime runtime;
    private final AuditLedger audits;

    SitesResource(HealthRuntime runtime, AuditLedger audits) {
        this.runtime = runtime;
        this.audits = audits;
    }

    /** Every watched site, with whether this observer sees it DOWN. */
    @GET
    public List<SiteView> sites() {
        return runtime.siteIds().stream().map(site -> {
            List<CheckSnapshot> checks = runtime.checks(site).orElse(List.of());
            return SiteView.of(site, runtime.isDown(site), checks);
        }).toList();
    }

    /** The checks of one site: state after hysteresis, consecutive counts, last evidence. */
    @GET
    @Path("/{site}/checks")
    public List<CheckView> checks(@PathParam("site") String site) {
        return runtime.checks(site).orElseThrow(() -> new NotFoundException("site " + site + " is not watched"))
                .stream().map(CheckView::of).toList();
    }

    /** The HA readiness audit's latest findings on a site: workloads short of replicas, probes or a PDB. */
    @GET
    @Path("/{site}/audit")
    public List<WorkloadAudit> audit(@PathParam("site") String site) {
        if (!runtime.siteIds().contains(site)) {
            throw new NotFoundException("site " + site + " is not watched");
        }
        return audits.findings(site);
    }
}
