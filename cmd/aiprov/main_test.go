package main

import (
	"flag"
	"io"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParseFlagsInterspersed(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantPos []string
		wantV   int
	}{
		{"flags first", []string{"-v", "1", "a", "b"}, []string{"a", "b"}, 1},
		{"flags last", []string{"a", "b", "--v", "1"}, []string{"a", "b"}, 1},
		{"flags between", []string{"a", "--v=1", "b"}, []string{"a", "b"}, 1},
		{"dash dash", []string{"a", "--", "-v", "b"}, []string{"a", "-v", "b"}, 0},
		{"dash dash then positional", []string{"--", "a", "-v"}, []string{"a", "-v"}, 0},
		{"none", nil, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("x", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			v := fs.Int("v", 0, "")
			pos, err := parseFlags(fs, tt.args)
			require.NoError(t, err)
			require.Equal(t, tt.wantPos, pos)
			require.Equal(t, tt.wantV, *v)
		})
	}
}

func TestParseFlagsUnknownIsUsageError(t *testing.T) {
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	_, err := parseFlags(fs, []string{"a", "--nope"})
	require.ErrorAs(t, err, new(usageError))
}
