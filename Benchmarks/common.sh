# Sourced by the benchmark scripts: the release build they measure, the one `make build` and `make install`
# make (ESP_RELEASE_FLAGS from the Makefile; the same default when a script runs on its own).
read -r -a release_flags <<<"${ESP_RELEASE_FLAGS:--c release -Xswiftc -static-stdlib}"

# Builds PRODUCT and prints the path of its binary.
release_binary() {
  swift build "${release_flags[@]}" --product "$1" >/dev/null
  echo "$(swift build "${release_flags[@]}" --show-bin-path)/$1"
}
