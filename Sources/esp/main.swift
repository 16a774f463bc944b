import ESPCommandLine

#if !os(Linux)
#error("esp is built and tested on Linux only: it uses Glibc, /proc and O_TMPFILE (see Package.swift)")
#endif

await ESP.runProcess()
