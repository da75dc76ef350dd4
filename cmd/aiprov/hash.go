package main

import (
	"context"
	"errors"
)

// runHash is implemented by its issue's work; until then it says so.
func runHash(ctx context.Context, c *cli, args []string) error {
	return errors.New("not implemented yet")
}
