package io.pra.opschecks;

import org.junit.jupiter.api.Test;

/** yamllint, strict (warnings fail too), on deploy/ with deploy/.yamllint. */
class YamllintIT {

    @Test
    void deployYamlIsClean() {
        Tool.run(Repo.ROOT, "yamllint", "--strict", "-c", "deploy/.yamllint", "deploy").assertSuccess();
    }
}
