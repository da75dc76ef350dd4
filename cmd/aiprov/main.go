// Command aiprov hashes ML artifacts into IPFS content IDs, records their
// lineage in signed manifests, and splits royalties across contributor graphs.
//
// Run `aiprov help` for the list of commands, and `aiprov COMMAND -h` for the
// flags of one.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

// Exit codes: 0 success; 1 the command ran and found a failure (a check that
// differs, a signature that does not verify) or an error; 2 a usage error.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// cli carries the process's streams and environment, so that commands are
// testable without touching globals.
type cli struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	// stderrIsTerminal says whether progress bars may be drawn.
	stderrIsTerminal bool
}

type command struct {
	summary string
	run     func(ctx context.Context, c *cli, args []string) error
}

// commands is the table of subcommands. Each is implemented in a file of
// its own name.
func commands() map[string]command {
	return map[string]command{
		"hash":     {"print the IPFS CID of files and directories, like `ipfs add -Q -r --only-hash`", runHash},
		"manifest": {"create, validate and check lineage manifests", runManifest},
		"lineage":  {"walk ancestors and descendants over a directory of manifests", runLineage},
		"keys":     {"generate and show signing keys", runKeys},
		"sign":     {"sign a manifest (DSSE/in-toto or EIP-712)", runSign},
		"verify":   {"verify a signed manifest against keys and a trust policy", runVerify},
		"royalty":  {"split an amount across a contributor graph; build Merkle distributions", runRoyalty},
		"store":    {"put, get and bundle content-addressed objects", runStore},
		"version":  {"print the version", runVersion},
		"demo":     {"run the whole pipeline on embedded defaults", runDemo},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], &cli{
		stdin:            os.Stdin,
		stdout:           os.Stdout,
		stderr:           os.Stderr,
		getenv:           os.Getenv,
		stderrIsTerminal: isTerminal(os.Stderr),
	})
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, c *cli) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(c.stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	cmd, ok := commands()[args[0]]
	if !ok {
		fmt.Fprintf(c.stderr, "aiprov: unknown command %q\n\n", args[0])
		usage(c.stderr)
		return exitUsage
	}
	err := cmd.run(ctx, c, args[1:])
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, new(usageError)):
		fmt.Fprintf(c.stderr, "aiprov %s: %v\n", args[0], err)
		return exitUsage
	case errors.Is(err, errSilentFailure):
		return exitFail
	default:
		fmt.Fprintf(c.stderr, "aiprov %s: %v\n", args[0], err)
		return exitFail
	}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: aiprov COMMAND [flags] [args]")
	fmt.Fprintln(w, "\ncommands:")
	cmds := commands()
	names := make([]string, 0, len(cmds))
	for name := range cmds {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(w, "  %-9s %s\n", name, cmds[name].summary)
	}
	fmt.Fprintln(w, "\nRun `aiprov COMMAND -h` for a command's flags.")
}

// needSubcommand prints usage, and returns the error to exit with, when
// args names no subcommand or asks for help.
func needSubcommand(c *cli, usage string, args []string) error {
	if len(args) > 0 && args[0] != "-h" && args[0] != "--help" && args[0] != "help" {
		return nil
	}
	fmt.Fprint(c.stderr, usage)
	if len(args) == 0 {
		return usagef("missing subcommand")
	}
	return flag.ErrHelp
}

// usageError is a mistake in the command line; it exits with code 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return usageError{fmt.Sprintf(format, args...)}
}

// errSilentFailure exits with code 1 without printing anything more: the
// command has already reported what failed.
var errSilentFailure = errors.New("failed")

// newFlagSet returns a flag set whose usage and errors go to c.stderr.
func newFlagSet(c *cli, name, argsUsage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	fs.Usage = func() {
		fmt.Fprintf(c.stderr, "usage: aiprov %s [flags] %s\n\nflags:\n", name, argsUsage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args allowing flags after positional arguments, as
// `ipfs add` and most CLIs do (`aiprov hash model/ --cid-version 1`). A "--"
// ends flag parsing. Flag errors become usage errors.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err.Error()}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		// Parse stops at the first non-flag argument, or after a "--" that
		// it consumes: everything after "--" is positional.
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
