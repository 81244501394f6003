#!/usr/bin/env bash
# Refresh the vendored JS in static/vendor/ from the npm registry (versions pinned in
# /work/main/package.json + package-lock.json). Run from the repository root; never at run time.
set -euo pipefail
cd "$(dirname "$0")/../../.."
npm ci --no-audit --no-fund --ignore-scripts
V=src/shuraka/web/static/vendor
mkdir -p "$V"/{d3,topojson-client,world-atlas,swagger-ui}
cp node_modules/d3/dist/d3.min.js node_modules/d3/LICENSE "$V/d3/"
cp node_modules/topojson-client/dist/topojson-client.min.js node_modules/topojson-client/LICENSE \
   "$V/topojson-client/"
cp node_modules/world-atlas/countries-50m.json node_modules/world-atlas/LICENSE "$V/world-atlas/"
cp node_modules/swagger-ui-dist/{swagger-ui-bundle.js,swagger-ui-bundle.js.LICENSE.txt,swagger-ui.css,LICENSE,NOTICE} \
   "$V/swagger-ui/"
# the source map is not shipped: drop the reference so no browser asks for it
sed -i '/sourceMappingURL=swagger-ui.css.map/d' "$V/swagger-ui/swagger-ui.css"
# map keys: ISO alpha-3 → ISO numeric (the atlas' feature ids); Kosovo has no id in the atlas
D=src/shuraka/web/data/geo_keys.tsv
{ sed -n '1,/^id\tgeo_key$/p' "$D"
  grep -v '^#' tools/iso3166.tsv | tail -n +2 | awk -F'\t' '$3!="" {print $2"\t"$3}'
  printf 'XKX\tKosovo\n'; } > "$D.new" && mv "$D.new" "$D"
rm -rf node_modules
