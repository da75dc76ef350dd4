package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// aiprovRun runs the CLI in process and returns its exit code and output,
// for Go tests that drive it against a real node (testscripts cover the
// rest).
func aiprovRun(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &cli{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }})
	return code, out.String(), errb.String()
}

// mustRun is aiprovRun that fails the test unless the command succeeds.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := aiprovRun(t, args...)
	if code != 0 {
		t.Fatalf("aiprov %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errs)
	}
	return out
}
