package main

import (
	"context"
	"fmt"
	"runtime/debug"
)

func runVersion(ctx context.Context, c *cli, args []string) error {
	fs := newFlagSet(c, "version", "")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	version := "(devel)"
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		version = info.Main.Version
	}
	fmt.Fprintf(c.stdout, "aiprov %s\n", version)
	return nil
}
