//go:build !unix

package attest

import "time"

// cpuTime is unknown here; benchmarks then report 0 CPU seconds.
func cpuTime() time.Duration { return 0 }
