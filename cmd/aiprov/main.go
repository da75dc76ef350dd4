// Command aiprov hashes ML artifacts into IPFS content IDs, records their
// lineage in signed manifests, and splits royalties across contributor graphs.
//
// Run `aiprov help` for the list of commands, and `aiprov help COMMAND` (or
// `aiprov COMMAND --help`) for the flags and examples of one.
//
// # How commands are built (read this before adding one)
//
// The command tree is spf13/cobra with pflag flags, as in cosign and kubectl.
// Each command group lives in a file of its own (hash.go, store.go, …) with a
// constructor `newXxxCmd(c *cli) *cobra.Command`; commandTree below is the
// one place that lists them. To add a command: write the constructor, add it
// to commandTree (or to its group's newGroupCmd call), add a testscript in
// testdata/script. A command
//   - declares its flags with GNU --long names (-x short forms where natural),
//     and defaults from the environment with envDefault, naming the variable
//     in the flag's help (see env.go for the names);
//   - does its work in RunE with cmd.Context(), which SIGINT/SIGTERM cancel;
//   - reads c.stdin and c.getenv and writes c.stdout and c.stderr only,
//     never os.Stdout or os.Getenv, so that tests run it in process;
//   - returns usagef(…) for a command-line mistake (exit 2, usage on stderr),
//     errSilentFailure once it has reported a failure itself (exit 1), or any
//     other error (exit 1), which run prints once, prefixed with the command;
//   - has an Example, and says in Long what it prints and when it exits 1;
//   - draws progress with newProgressBar (nil unless stderr is a terminal
//     and --progress is on).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"
)

// Exit codes: 0 success; 1 the command ran and found a failure (a check that
// differs, a signature that does not verify) or an error; 2 a usage error;
// 128+N stopped by signal N (runWithSignals).
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
	// progress is the --progress flag: false turns bars off everywhere.
	progress bool
}

// commandTree lists aiprov's top-level commands: the registration point.
func commandTree(c *cli) []*cobra.Command {
	return []*cobra.Command{
		newHashCmd(c),
		newManifestCmd(c),
		newLineageCmd(c),
		newKeysCmd(c),
		newSignCmd(c),
		newVerifyCmd(c),
		newPolicyCmd(c),
		newRoyaltyCmd(c),
		newAnchorCmd(c),
		newStoreCmd(c),
		newVersionCmd(c),
		newDemoCmd(c),
	}
}

func main() {
	os.Exit(runWithSignals(os.Args[1:], &cli{
		stdin:            os.Stdin,
		stdout:           os.Stdout,
		stderr:           os.Stderr,
		getenv:           os.Getenv,
		stderrIsTerminal: isTerminal(os.Stderr),
	}))
}

// interruptGrace is how long a command may take to stop after SIGINT or
// SIGTERM cancelled its context before the process exits anyway: a command
// blocked in a read (a FIFO, a silent pipe on stdin) never sees the
// cancellation. Writes are atomic (a temporary file renamed into place), so
// exiting mid-write leaves at most a temporary file that store check removes.
const interruptGrace = 2 * time.Second

// runWithSignals runs args as run does, with SIGINT and SIGTERM cancelling
// the command's context. After a signal the exit status is 128+signal (130
// for SIGINT, 143 for SIGTERM, as shells report), whether the command
// stopped by itself within interruptGrace or not; a second signal exits at
// once.
func runWithSignals(args []string, c *cli) int {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	done := make(chan int, 1)
	go func() { done <- run(ctx, args, c) }()
	select {
	case code := <-done:
		return code
	case sig := <-sigs:
		cancel()
		select {
		case <-done:
		case <-sigs:
		case <-time.After(interruptGrace):
		}
		fmt.Fprintf(c.stderr, "aiprov: stopped by %v\n", sig)
		return signalExitCode(sig)
	}
}

// signalExitCode is the shell's status for a process ended by sig.
func signalExitCode(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 128 + int(syscall.SIGINT)
}

// run executes the command line args and returns the exit code.
func run(ctx context.Context, args []string, c *cli) int {
	if c.getenv == nil {
		c.getenv = func(string) string { return "" }
	}
	root := newRootCmd(c)
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(ctx)
	if cmd == nil {
		cmd = root
	}
	var uerr usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errSilentFailure):
		return exitFail
	case errors.As(err, &uerr):
		fmt.Fprintf(c.stderr, "%s: %s\n\n", cmd.CommandPath(), indentLines(err.Error()))
		fmt.Fprint(c.stderr, cmd.UsageString())
		return exitUsage
	default:
		fmt.Fprintf(c.stderr, "%s: %s\n", cmd.CommandPath(), indentLines(err.Error()))
		return exitFail
	}
}

// indentLines indents the lines after the first of a multi-line error, so
// that errors listing several problems keep their layout under the prefix.
func indentLines(s string) string {
	s = strings.TrimRight(s, "\n")
	if !strings.Contains(s, "\n") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i := 1; i < len(lines); i++ {
		if lines[i] != "" && !strings.HasPrefix(lines[i], "  ") {
			lines[i] = "  " + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

func newRootCmd(c *cli) *cobra.Command {
	root := &cobra.Command{
		Use:   "aiprov",
		Short: "Provenance, signatures and royalties for ML artifacts",
		Long: `aiprov hashes ML artifacts into IPFS content IDs (as Kubo does), records
their lineage in canonical DAG-CBOR manifests, signs and verifies them
(DSSE/in-toto, EIP-712), splits royalties exactly across the lineage graph
and stores everything in a verified content-addressed store or a Kubo node.

` + envHelp(),
		Example: `  aiprov demo                       # the whole pipeline on generated artifacts
  aiprov hash model/                # the CID ipfs add -Q -r --only-hash prints
  aiprov help manifest init         # the flags and examples of one command
  source <(aiprov completion bash)  # shell completion`,
		Version: versionString(),
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			return applyEnv(c, cmd)
		},
		Args:          cobra.ArbitraryArgs,
		SilenceErrors: true,
		SilenceUsage:  true,
		Annotations:   map[string]string{"group": "true"}, // usageTemplate
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("missing command")
			}
			return unknownSubcommand(cmd, args[0])
		},
	}
	root.SetIn(c.stdin)
	root.SetOut(c.stdout)
	root.SetErr(c.stderr)
	root.SetVersionTemplate("aiprov {{.Version}}\n")
	root.SetUsageTemplate(usageTemplate)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return usageError{err.Error()}
	})
	root.PersistentFlags().BoolVar(&c.progress, "progress", true, "draw progress bars on stderr when it is a terminal (hash, manifest init, manifest check, sign --format oms, verify --dir, store put, get, export-car, import-car); --progress=false: never")
	root.AddCommand(commandTree(c)...)
	return root
}

// usageTemplate is cobra's, with aiprov's exit codes at the end of every
// command's help. A command that runs itself and has subcommands too
// (aiprov anchor MANIFEST, aiprov anchor show …) shows both usages; a
// group only its subcommands'.
const usageTemplate = `Usage:{{if and .Runnable (not (index .Annotations "group"))}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} COMMAND [flags]{{end}}{{if .HasExample}}

Examples:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

Commands:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Flags:
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

Global flags:
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}

Exit status: 0 success, 1 failure, 2 usage error, 130 (143) stopped by SIGINT (SIGTERM).{{if .HasAvailableSubCommands}}
Run "{{.CommandPath}} COMMAND --help" for more about a command.{{end}}
`

// newGroupCmd returns a command that only groups subcommands: run alone or
// with an unknown subcommand it is a usage error.
func newGroupCmd(use, short, long string, subs ...*cobra.Command) *cobra.Command {
	cmd := &cobra.Command{
		Use:         use,
		Short:       short,
		Long:        long,
		Args:        cobra.ArbitraryArgs,
		Annotations: map[string]string{"group": "true"}, // usageTemplate

		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("missing subcommand")
			}
			if args[0] == "help" { // `aiprov store help [SUBCOMMAND]`, as `aiprov help store …`
				target, _, err := cmd.Find(args[1:])
				if err != nil || target == nil {
					target = cmd
				}
				return target.Help()
			}
			return unknownSubcommand(cmd, args[0])
		},
	}
	cmd.AddCommand(subs...)
	return cmd
}

// unknownSubcommand is the usage error for `cmd NAME` when cmd has no
// subcommand NAME, with cobra's suggestions; the usage printed after it
// lists the commands there are.
func unknownSubcommand(cmd *cobra.Command, name string) error {
	what := "command"
	if cmd.HasParent() {
		what = "subcommand"
	}
	msg := fmt.Sprintf("unknown %s %q", what, name)
	cmd.SuggestionsMinimumDistance = 2
	if sugg := cmd.SuggestionsFor(name); len(sugg) > 0 {
		msg += fmt.Sprintf("; did you mean %s?", strings.Join(sugg, " or "))
	}
	return usageError{msg}
}

// nargs returns a cobra.PositionalArgs that accepts min to max arguments
// (max < 0: no limit) and otherwise fails with a usage error saying msg.
func nargs(min, max int, msg string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < min || (max >= 0 && len(args) > max) {
			return usageError{msg}
		}
		return nil
	}
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

func versionString() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}

func newVersionCmd(c *cli) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print the version",
		Long:    "Prints aiprov's module version (as aiprov --version does).",
		Example: "  aiprov version",
		Args:    nargs(0, 0, "version takes no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintf(c.stdout, "aiprov %s\n", versionString())
			return err
		},
	}
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
