package main

import (
	"context"
	"errors"
)

// runLineage is implemented by its issue's work; until then it says so.
func runLineage(ctx context.Context, c *cli, args []string) error {
	return errors.New("not implemented yet")
}
