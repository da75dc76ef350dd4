package royalty

import (
	"errors"
	"fmt"
	"strings"
)

// Errors matchable with errors.Is. Every error from this package wraps one
// of them, usually inside a *GraphError that says where.
var (
	// ErrInvalid is malformed input: a bad ID, share or amount.
	ErrInvalid = errors.New("invalid input")
	// ErrMissingParent is an edge to a node the graph does not have.
	ErrMissingParent = errors.New("missing parent")
	// ErrStackOverflow is royalty shares over 100%: a node's parent shares,
	// or, under the absolute policy, the sum over all ancestors of the paid
	// node.
	ErrStackOverflow = errors.New("royalty stack over 100%")
	// ErrDuplicateRecipient is a recipient listed twice where each must be
	// listed once (a node's contributors, a payout table).
	ErrDuplicateRecipient = errors.New("duplicate recipient")
	// ErrCycle is a graph in which a node is its own ancestor; the error is
	// a *CycleError naming the cycle.
	ErrCycle = errors.New("cycle in graph")
	// ErrLimit is input past a configured limit.
	ErrLimit = errors.New("limit exceeded")
	// ErrNoPayee is a node that would keep part of a payment but has no
	// contributors to pay it to.
	ErrNoPayee = errors.New("no one to pay")
	// ErrNotAddress is a recipient that is not an Ethereum address where one
	// is needed (Merkle trees, 0xSplits).
	ErrNotAddress = errors.New("not an Ethereum address")
	// ErrNoPolicy is a payment to a node that records no royalty policy
	// when the policies would give different answers (it passes a share
	// upstream) and SplitOptions.Policy does not choose one.
	ErrNoPolicy = errors.New("no royalty policy")
)

// GraphError says which node and field of a graph is wrong.
type GraphError struct {
	Node  string // the node's ID, or "#i" for the i-th node when it has no usable ID
	Field string // e.g. "parents[2].share"
	Err   error
}

func (e *GraphError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("node %s: %v", e.Node, e.Err)
	}
	return fmt.Sprintf("node %s: %s: %v", e.Node, e.Field, e.Err)
}

func (e *GraphError) Unwrap() error { return e.Err }

// CycleError names a cycle: each node derives from the next, and the last
// is the first again.
type CycleError struct {
	Nodes []string
}

func (e *CycleError) Error() string {
	return "cycle in graph: " + strings.Join(e.Nodes, " -> ")
}

func (e *CycleError) Is(target error) bool { return target == ErrCycle }
