#!/usr/bin/env bash
# proto/csqlite/build.sh: builds SQLite as clang-built wasm with go-sqlite3's
# own C glue, for the engine prototype (see README.md). Everything comes from
# package registries: the amalgamation from a Go module that vendors it, the
# glue and libc from go-sqlite3's own modules, extensions from Debian's
# source package, the toolchain from Debian.
#
#   proto/csqlite/build.sh engine   out/engine.wasm + out/sqlite3-side.wasm
#   proto/csqlite/build.sh size     their sizes, raw and brotli, beside today's engine
#   proto/csqlite/build.sh test     ./wasm/...'s tests and web/jstest on it, under Node
#   proto/csqlite/build.sh bench    the bulk workload under Node, today's engine beside it
set -euo pipefail
cd "$(dirname "$0")"

# go-sqlite3's glue (build/*.c, exports.txt, sqlite_opt.h) and API: the
# go-sqlite3-wasm that dbtour's go.mod requires.
GLUE_MOD=github.com/ncruces/go-sqlite3-wasm/v6@$(cd ../.. && go list -m -f '{{.Version}}' github.com/ncruces/go-sqlite3-wasm/v6)
# The amalgamation: github.com/mattn/go-sqlite3 v1.14.52 vendors SQLite
# 3.53.4, the version go-sqlite3-wasm v6.3.35304 translates; sources()
# checks the two agree.
AMALGAMATION_MOD=github.com/mattn/go-sqlite3@v1.14.52
# libc-gen's freestanding C library (headers, malloc): the one the glue is written for.
LIBC_MOD=github.com/ncruces/wasm2go@v0.4.15
# ext/misc (generate_series, decimal, ...) is not in the amalgamation: Debian's
# source package carries the full tree (bookworm: 3.40.1; the files use only
# the public extension API).
DEBIAN_SQLITE_SRC=sqlite3
OUT=out
SRC=$OUT/src

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'proto/csqlite: %s\n' "$*" >&2; exit 1; }

# need_tools installs Debian's clang, lld, binaryen and wasi-libc when missing.
need_tools() {
  CLANG=$(command -v clang-19 || command -v clang-16 || true)
  WASM_LD=$(command -v wasm-ld-19 || command -v wasm-ld-16 || true)
  if [ -z "$CLANG" ] || [ -z "$WASM_LD" ] || ! command -v wasm-opt >/dev/null || ! command -v wasm-objdump >/dev/null || [ ! -f /usr/lib/wasm32-wasi/libc.a ]; then
    [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || die "install clang-19 lld-19 binaryen wabt wasi-libc (Debian)"
    say "installing clang-19 lld-19 binaryen wabt wasi-libc (Debian)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang-19 lld-19 binaryen wabt wasi-libc >/dev/null
    CLANG=$(command -v clang-19); WASM_LD=$(command -v wasm-ld-19)
  fi
}

moddir() { go mod download -json "$1" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p'; }

# sources lays out the C sources in $SRC, once.
sources() {
  [ -f "$SRC/.done" ] && return
  say "sources: amalgamation ($AMALGAMATION_MOD), glue ($GLUE_MOD), libc ($LIBC_MOD), ext/misc (Debian)"
  rm -rf "$SRC" && mkdir -p "$SRC/ext" "$SRC/libc"
  local amal glue libc
  amal=$(moddir "$AMALGAMATION_MOD"); glue=$(moddir "$GLUE_MOD"); libc=$(moddir "$LIBC_MOD")
  # download.sh names the SQLite release the glue was written for (sqlite-autoconf-3530400).
  local want have
  want=$(sed -n 's/.*sqlite-autoconf-\([0-9]*\)\.tar.*/\1/p' "$glue/build/download.sh" | awk '{printf "%d.%d.%d", substr($0,1,1), substr($0,2,2), substr($0,4,2)}')
  have=$(sed -n 's/^#define SQLITE_VERSION *"\(.*\)"/\1/p' "$amal/sqlite3-binding.c")
  [ "$want" = "$have" ] || die "$GLUE_MOD is written for SQLite $want, $AMALGAMATION_MOD vendors $have"
  say "SQLite $have"
  cp "$amal/sqlite3-binding.c" "$SRC/sqlite3.c"
  cp "$amal/sqlite3-binding.h" "$SRC/sqlite3.h"
  cp "$amal/sqlite3ext.h" "$SRC/sqlite3ext.h"
  sed -i 's/#include "sqlite3-binding.h"/#include "sqlite3.h"/' "$SRC/sqlite3.c" "$SRC/sqlite3ext.h"
  cp "$glue"/build/*.c "$glue"/build/*.h "$glue"/build/*.patch "$glue/build/exports.txt" "$SRC/"
  cp -r "$libc"/libc-gen/c/. "$SRC/libc/"
  chmod -R u+w "$SRC"
  (cd "$SRC" && cat vfs_find.patch busy_timeout.patch | patch -s -p0 --no-backup-if-mismatch)
  debian_ext
  touch "$SRC/.done"
}

# debian_ext takes ext/misc/*.c from Debian's sqlite3 source package.
debian_ext() {
  local tmp; tmp=$(mktemp -d)
  printf 'deb-src http://deb.debian.org/debian %s main\n' "$(. /etc/os-release; echo "$VERSION_CODENAME")" >"$tmp/sources.list"
  mkdir -p "$tmp/lists/partial"
  local opts=(-o Dir::Etc::SourceList="$tmp/sources.list" -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists="$tmp/lists" -o APT::Sandbox::User=root)
  apt-get update -qq "${opts[@]}"
  (cd "$tmp" && apt-get source --download-only -qq "${opts[@]}" "$DEBIAN_SQLITE_SRC" >/dev/null)
  tar xJf "$tmp"/sqlite3_*.orig.tar.xz -C "$tmp" --wildcards '*/ext/misc/*.c'
  for f in decimal ieee754 regexp series uint; do cp "$tmp"/sqlite3-*/ext/misc/$f.c "$SRC/ext/"; done
  rm -rf "$tmp"
}

# CFLAGS: go-sqlite3-wasm's build, less the features Node 20's V8 lacks
# (extended-const, wide-arithmetic).
CFLAGS=(--target=wasm32 -ffreestanding -nostdlib -std=c23 -g0 -Oz
  -Wall -Wextra -Wno-unused-parameter -Wno-unused-function
  -mmutable-globals -mmultivalue -mnontrapping-fptoint -msign-ext
  -mreference-types -mbulk-memory -mtail-call
  -D_HAVE_SQLITE_CONFIG_H -DSQLITE_CUSTOM_INCLUDE=sqlite_opt.h
  -I"$SRC" -I"$SRC/libc")

# STRING_OBJS: C string functions that libc-gen leaves to its host (Go);
# here they come from Debian's wasi-libc (musl), so SQLite's hot loops do
# not cross into another instance for a strlen or a memcmp.
STRING_OBJS=(memchr memcmp memrchr strchr strchrnul strcmp strcspn strlen strncmp strrchr strspn)

# libc_objs extracts STRING_OBJS from wasi-libc into $OUT/libc.
libc_objs() {
  mkdir -p "$OUT/libc"
  (cd "$OUT/libc" && "$(dirname "$(readlink -f "$WASM_LD")")/llvm-ar" x /usr/lib/wasm32-wasi/libc.a "${STRING_OBJS[@]/%/.o}")
}

# side builds the design-B module: position-independent, importing Go's
# memory, a table, its data and stack bases, and the heap's bounds
# (GOT.mem.__heap_base, __heap_end), which the loader places in a
# Go-allocated arena.
side() {
  need_tools; sources
  [ "$OUT/sqlite3-side.wasm" -nt c/side.c ] && [ "$OUT/sqlite3-side.wasm" -nt "$0" ] && return
  libc_objs
  say "out/sqlite3-side.wasm (clang $("$CLANG" -dumpversion), PIC side module)"
  "$CLANG" "${CFLAGS[@]}" -fPIC -fvisibility=hidden -o "$OUT/sqlite3-side.raw.wasm" c/side.c "$OUT"/libc/*.o \
    -fuse-ld="$WASM_LD" -Wl,--experimental-pic -Wl,--shared -Wl,--unresolved-symbols=import-dynamic \
    $(awk '!/^(main_|__stack_pointer)/ {print "-Wl,--export="$0}' "$SRC/exports.txt") -Wl,--export=_initialize
  wasm-opt "$OUT/sqlite3-side.raw.wasm" -o "$OUT/sqlite3-side.wasm" -Oz --strip-debug --strip-producers --strip-target-features
}

# shim assembles out/sqlite3wasm, the stand-in for go-sqlite3-wasm: shim/,
# the generated calls and exports (gen/), and go-sqlite3-wasm's own libc.go;
# then out/go.mod, dbtour's go.mod with a replace directive pointing at it.
shim() {
  local glue imports
  glue=$(moddir "$GLUE_MOD")
  rm -rf "$OUT/sqlite3wasm" && mkdir -p "$OUT/sqlite3wasm"
  cp shim/go.mod shim/*.go "$OUT/sqlite3wasm/"
  cp "$glue/libc.go" "$OUT/sqlite3wasm/libc.go" && chmod u+w "$OUT/sqlite3wasm/libc.go"
  # SQLite's imports from env that are neither Go callbacks nor the heap.
  imports=$(wasm-objdump -x -j Import "$OUT/sqlite3-side.wasm" | sed -n 's/.*\(func\[.*<- env\|<- GOT\.func\)\.\([a-z0-9_]*\)$/\2/p' | grep -v '^go_' | sort -u)
  wasm-objdump -x -j Export "$OUT/sqlite3-side.wasm" | sed -n 's/.*func\[.*-> "\(.*\)"$/\1/p' >"$OUT/side-exports.txt"
  go run ../../proto/csqlite/gen -src "$glue" -out "$OUT/sqlite3wasm" -exports "$OUT/side-exports.txt" $imports
  sed "s#^replace github.com/ncruces/go-sqlite3-wasm/v6 .*##" ../../go.mod >"$OUT/go.mod"
  printf '\nreplace github.com/ncruces/go-sqlite3-wasm/v6 => %s\n' "$PWD/$OUT/sqlite3wasm" >>"$OUT/go.mod"
  cp ../../go.sum "$OUT/go.sum"
}

# engine builds the prototype engine, both variants (SQL only, and with the
# example programs): ./wasm over the shim, beside the side module.
engine() {
  side; shim
  say "out/engine.wasm and out/engine-orm.wasm (Go side, over the side module)"
  go_wasm "$OUT/engine.wasm" -modfile="proto/csqlite/$OUT/go.mod"
  go_wasm "$OUT/engine-orm.wasm" -modfile="proto/csqlite/$OUT/go.mod" -tags=orm
}

# go_wasm OUT [FLAGS] builds ./wasm for GOOS=js as build.sh does.
go_wasm() {
  local out=$1
  shift
  (cd ../.. && GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" "$@" -o "proto/csqlite/$out" ./wasm)
}

# today builds today's engine from the same tree, for the side-by-side runs.
today() {
  say "out/today.wasm (today's engine, same tree)"
  go_wasm "$OUT/today.wasm"
}

# size prints each engine file's bytes, raw and brotli (best, as served).
size() {
  engine; today
  say "out/today-orm.wasm (today's engine with the example programs)"
  go_wasm "$OUT/today-orm.wasm" -tags=orm
  local files=(today.wasm today-orm.wasm engine.wasm engine-orm.wasm sqlite3-side.wasm)
  (cd ../.. && go run ./server/precompress "${files[@]/#/proto/csqlite/$OUT/}")
  for f in "${files[@]}"; do
    printf '%-18s %9d raw %9d brotli\n' "$f" "$(stat -c %s "$OUT/$f")" "$(stat -c %s "$OUT/$f.br")"
  done
}

# run_tests runs the engine package's tests (GOOS=js, Go's Node runner) and
# web/jstest on the prototype; node-preload.js puts SQLite in place.
run_tests() {
  engine
  local preload="--require=$PWD/node-preload.js"
  say "go test ./wasm/... (GOOS=js GOARCH=wasm, Node) on the prototype"
  (cd ../.. && NODE_OPTIONS="$preload" PATH="$(go env GOROOT)/lib/wasm:$PATH" GOOS=js GOARCH=wasm \
    go test -modfile="proto/csqlite/$OUT/go.mod" -count=1 "${@:-./wasm/...}")
  say "web/jstest (Node) on the prototype"
  (cd ../.. && NODE_OPTIONS="$preload" node --test web/jstest/)
}

case "${1:-}" in
  engine) engine ;;
  size) size ;;
  test) run_tests "${@:2}" ;;
  bench) engine; today; node nodebench.js "$OUT/today.wasm" "$OUT/engine.wasm" "${@:2}" ;;
  *) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
