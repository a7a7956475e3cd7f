#!/usr/bin/env python3
"""Ansible dynamic inventory from Terraform: reads the ansible_inventory output of
infra/terraform/site-b (or the JSON file named by PRA_TF_OUTPUT_JSON, e.g. saved with
`terraform output -json ansible_inventory > inventory.json`) and prints Ansible's JSON."""
import json
import os
import subprocess
import sys

TERRAFORM_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "terraform", "site-b")


def terraform_output():
    saved = os.environ.get("PRA_TF_OUTPUT_JSON")
    if saved:
        with open(saved, encoding="utf-8") as handle:
            return json.load(handle)
    out = subprocess.run(["terraform", "-chdir=" + TERRAFORM_DIR, "output", "-json", "ansible_inventory"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def inventory(tf):
    hostvars = {}
    groups = {}
    for group in ("control_plane", "workers"):
        hosts = tf.get(group, {})
        groups[group] = {"hosts": sorted(hosts)}
        for name, attrs in hosts.items():
            hostvars[name] = dict(attrs, topology_zone=attrs.get("zone"))
    groups["k8s_cluster"] = {"children": ["control_plane", "workers"]}
    groups["all"] = {"vars": tf.get("vars", {})}
    groups["_meta"] = {"hostvars": hostvars}
    return groups


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--host":
        print("{}")
    else:
        print(json.dumps(inventory(terraform_output()), indent=2))
