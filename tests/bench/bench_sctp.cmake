# bench_sctp needs only the SCTP module (tern's own; the usrsctp comparison comes later).
tern_bench(sctp SOURCES bench_sctp.cpp DEPS tern_sctp)
