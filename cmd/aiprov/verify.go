package main

import (
	"context"
	"errors"
)

// runVerify is implemented by its issue's work; until then it says so.
func runVerify(ctx context.Context, c *cli, args []string) error {
	return errors.New("not implemented yet")
}
