package main

import (
	"context"
	"errors"
)

// runStore is implemented by its issue's work; until then it says so.
func runStore(ctx context.Context, c *cli, args []string) error {
	return errors.New("not implemented yet")
}
