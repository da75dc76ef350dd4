package main

import (
	"context"
	"errors"
)

// runKeys is implemented by its issue's work; until then it says so.
func runKeys(ctx context.Context, c *cli, args []string) error {
	return errors.New("not implemented yet")
}
