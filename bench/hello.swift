// The start-up yardstick of `make bench`: a hello-world built with the release flags of
// `audit` (bench/run.sh compiles it), against which one `audit REPORT` run is timed.
print("hello")
