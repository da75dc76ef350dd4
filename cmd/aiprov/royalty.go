package main

import (
	"context"
	"errors"
)

// runRoyalty is implemented by its issue's work; until then it says so.
func runRoyalty(ctx context.Context, c *cli, args []string) error {
	return errors.New("not implemented yet")
}
