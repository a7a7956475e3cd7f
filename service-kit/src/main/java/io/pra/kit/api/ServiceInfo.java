package io.pra.kit.api;

import java.util.Map;

/** What a service says about itself at {@code GET /api/v1/info}; each service provides one bean from its config. */
public interface ServiceInfo {

    /** The service's name, e.g. {@code backup-service}. */
    String service();

    /** This instance's name. */
    String instance();

    /** The main settings, by name, in the order they are shown; never a secret. */
    Map<String, Object> settings();
}
