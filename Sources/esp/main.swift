import ESPCommandLine

ESP.main()
