package io.pra.testkit.launch;

import java.net.URI;

import io.pra.testkit.site.FakeSite;

/** How a service reaches one site's Kubernetes API: its URL and a bearer token. */
public record SiteAccess(URI url, String token) {

    /** The access to a fake site of the test kit. */
    public static SiteAccess of(FakeSite site) {
        return new SiteAccess(URI.create(site.url()), site.token());
    }
}
