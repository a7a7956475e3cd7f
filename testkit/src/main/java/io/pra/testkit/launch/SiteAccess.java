package io.pra.testkit.launch;

import java.net.URI;

import io.pra.testkit.site.FakeSite;
import io.pra.testkit.site.rbac.ServiceAccount;

/** How a service reaches one site's Kubernetes API: its URL and a bearer token. */
public record SiteAccess(URI url, String token) {

    /** The access to a fake site of the test kit with its admin token (sites that enforce no RBAC). */
    public static SiteAccess of(FakeSite site) {
        return new SiteAccess(URI.create(site.url()), site.token());
    }

    /** The access to a fake site of the test kit as {@code account}, as a service reaches a site enforcing RBAC. */
    public static SiteAccess of(FakeSite site, ServiceAccount account) {
        return new SiteAccess(URI.create(site.url()), site.token(account));
    }
}
