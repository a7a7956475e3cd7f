#!/usr/bin/env bash
# Installs the tools the ops-checks module runs (promtool, yamllint, ansible, ansible-lint, kubectl),
# from Debian's packages, and only those that are missing: running it twice changes nothing.
# terraform is not in Debian's archive; it is reported, never downloaded from elsewhere.
set -euo pipefail

declare -A package_of=(
  [promtool]=prometheus
  [yamllint]=yamllint
  [ansible-playbook]=ansible
  [ansible-lint]=ansible-lint
  [kubectl]=kubectl
)

missing=()
for tool in "${!package_of[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${package_of[$tool]}")
done

if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "install-tools: missing ${missing[*]}; run this script as root (apt-get)" >&2
    exit 1
  fi
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

for tool in "${!package_of[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || { echo "install-tools: $tool still missing" >&2; exit 1; }
done

if ! command -v terraform >/dev/null 2>&1; then
  echo "install-tools: terraform is not installed and is not in Debian's archive;" \
       "the terraform checks will fail until it is on the PATH" >&2
fi
echo "install-tools: promtool, yamllint, ansible-playbook, ansible-lint, kubectl present"
