package main

import (
	"context"
	"errors"
)

// runManifest is implemented by its issue's work; until then it says so.
func runManifest(ctx context.Context, c *cli, args []string) error {
	return errors.New("not implemented yet")
}
