package io.pra.opschecks;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ansible-playbook --syntax-check and ansible-lint (production profile, offline) on infra/ansible, with the
 * inventory script fed a sample Terraform output instead of a live state.
 */
class AnsibleIT {

    private static final Path ANSIBLE = Repo.path("infra/ansible");
    private static final Map<String, String> ENV = Map.of(
            "PRA_TF_OUTPUT_JSON", ANSIBLE.resolve("inventory/example-terraform-output.json").toString(),
            "ANSIBLE_NOCOLOR", "1",
            "NO_COLOR", "1",
            "ANSIBLE_LOCAL_TEMP", System.getProperty("java.io.tmpdir"));

    @Test
    void playbookSyntaxIsValid() {
        Tool.run(ANSIBLE, ENV, 120, "ansible-playbook", "--syntax-check", "site.yml").assertSuccess();
    }

    @Test
    void inventoryComesFromTerraformOutput() {
        Tool.run(ANSIBLE, ENV, 60, "ansible-inventory", "--graph", "k8s_cluster").assertSuccess();
    }

    @Test
    void rolesPassAnsibleLint() {
        Tool.run(ANSIBLE, ENV, 180, "ansible-lint").assertSuccess();
    }
}
