# bench_srtp links libsrtp as the in-run baseline (never part of the stack).
pkg_check_modules(SRTP2 REQUIRED IMPORTED_TARGET libsrtp2)
tern_bench(srtp SOURCES bench_srtp.cpp DEPS tern::tern PkgConfig::SRTP2)
