# bench_dtls links libssl as the in-run baseline (OpenSSL's DTLS is an oracle, never the stack's path).
tern_bench(dtls SOURCES bench_dtls.cpp DEPS tern::tern OpenSSL::SSL)
