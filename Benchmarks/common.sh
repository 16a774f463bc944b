# Sourced by the benchmark scripts: the release build they measure (the one `make build` and `make install`
# make; ESP_RELEASE_FLAGS from the Makefile, the same default when a script runs on its own), and one way to
# time a command.
read -r -a release_flags <<<"${ESP_RELEASE_FLAGS:--c release -Xswiftc -static-stdlib}"

# Builds PRODUCT and prints the path of its binary.
release_binary() {
  swift build "${release_flags[@]}" --product "$1" >/dev/null
  echo "$(swift build "${release_flags[@]}" --show-bin-path)/$1"
}

# measure LABEL TARGET COMMAND...: runs COMMAND under /usr/bin/time and prints wall time (with TARGET in seconds,
# when not empty), user + system CPU and peak memory. The raw figures stay in $work/time for the caller.
measure() {
  local label="$1" target="$2"; shift 2
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
  read -r wall user sys rss <"$work/time"
  echo "$label ${wall} s wall${target:+ (target <= $target s)}, cpu $(python3 -c "print(round($user+$sys,2))") s, max RSS $((rss / 1024)) MB"
}
