#!/usr/bin/env bash
# Install the Debian/Ubuntu packages PlanMonitor needs, if any are missing (idempotent).
set -euo pipefail
# libgeos-dev + python3-dev: shapely is built against the same GEOS as QGIS (see the Makefile).
packages=(python3-qgis qgis-providers qgis xvfb xauth qttools5-dev-tools fonts-noto-cjk python3-venv python3-dev libgeos-dev)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: system packages present"
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then SUDO=(); elif command -v sudo >/dev/null; then SUDO=(sudo); else
  echo "setup: missing packages ${missing[*]}; run as root or install sudo" >&2; exit 1
fi
echo "setup: installing ${missing[*]}"
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
