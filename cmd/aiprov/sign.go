package main

import (
	"context"
	"errors"
)

// runSign is implemented by its issue's work; until then it says so.
func runSign(ctx context.Context, c *cli, args []string) error {
	return errors.New("not implemented yet")
}
