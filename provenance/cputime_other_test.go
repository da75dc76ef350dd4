//go:build !unix

package provenance

import "time"

func cpuTime() time.Duration { return -1 }
