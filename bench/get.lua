-- A plain GET (the URL and the Authorization header come from wrk's command line).
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
