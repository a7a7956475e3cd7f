#!/usr/bin/env bash
# Installs the Debian packages the benchmarks compare PRA with, only those that are missing:
# prometheus, prometheus-blackbox-exporter, prometheus-alertmanager. The services the packages
# register are stopped and disabled: the bench runs each tool itself, on loopback, from its own config.
set -euo pipefail

packages=(prometheus prometheus-blackbox-exporter prometheus-alertmanager)
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo=(sudo)
fi
echo "bench/install-tools.sh: installing ${missing[*]}" >&2
# Another process may hold the dpkg lock (a parallel install): wait for it rather than fail.
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq || true
# policy-rc.d exit 101: packages must not start system services here (no init, or an init we must not touch).
policy=/usr/sbin/policy-rc.d
created_policy=false
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
  "${sudo[@]}" chmod +x "$policy"
  created_policy=true
fi
status=0
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends \
  "${missing[@]}" || status=$?
if [ "$created_policy" = true ]; then
  "${sudo[@]}" rm -f "$policy"
fi
exit "$status"
