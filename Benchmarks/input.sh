# Sourced by the benchmarks (with root, scale and work set): builds the release binary as `bin`
# and generates scale $scale (CSV feeds) into $work/Input unless it is there already.
swift build -c release --package-path "$root" >/dev/null
bin="$root/.build/release/pao-batch"
mkdir -p "$work"
if [ ! -f "$work/Input/transactions.csv" ]; then
  echo "generating scale $scale into $work/Input"
  "$bin" generate --out "$work/Input" --scale "$scale" --feed-format csv >/dev/null
fi
