package provenance

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/aiprov/aiprov/internal/testtools"
)

// kubo runs the real Kubo `ipfs add --only-hash` in a private, offline
// repository: the reference every CID here is compared with.
type kubo struct {
	bin  string
	repo string
	// config values last written, to skip redundant `ipfs config` calls
	threshold  int
	estimation string
}

// newKubo initialises a repository with the given profile ("" for none:
// Kubo's implicit defaults). Tests skip when Kubo is absent.
func newKubo(t testing.TB, profile string) *kubo {
	t.Helper()
	bin := testtools.KuboTool.Require(t)
	k := &kubo{bin: bin, repo: filepath.Join(t.TempDir(), "ipfs")}
	args := []string{"init", "--empty-repo"}
	if profile != "" {
		args = append(args, "--profile="+profile)
	}
	k.run(t, "", args...)
	return k
}

func (k *kubo) run(t testing.TB, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command(k.bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "IPFS_PATH="+k.repo)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("ipfs %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String()
}

// addFlags spells p as explicit `ipfs add` flags, so that the repository's
// profile does not matter for these fields.
func addFlags(p Params) []string {
	hash := "sha2-256"
	if p.HashFunction == BLAKE3 {
		hash = "blake3"
	}
	return []string{
		"--cid-version=" + strconv.Itoa(p.CIDVersion),
		"--raw-leaves=" + strconv.FormatBool(p.RawLeaves),
		"--chunker=size-" + strconv.Itoa(p.ChunkSize),
		"--max-file-links=" + strconv.Itoa(p.MaxLinks),
		"--hash=" + hash,
		"--hidden=" + strconv.FormatBool(p.Hidden),
		"--empty-dirs=" + strconv.FormatBool(p.EmptyDirs),
		"--max-directory-links=" + strconv.Itoa(p.MaxDirectoryLinks),
		"--max-hamt-fanout=" + strconv.Itoa(p.HAMTFanout),
		"--trickle=" + strconv.FormatBool(p.Trickle),
		"--dereference-symlinks=" + strconv.FormatBool(p.DereferenceSymlinks),
	}
}

// setHAMT writes the two HAMT settings that have no `ipfs add` flag.
func (k *kubo) setHAMT(t testing.TB, p Params) {
	t.Helper()
	if k.threshold != p.HAMTThreshold {
		k.run(t, "", "config", "--json", "Import.UnixFSHAMTDirectorySizeThreshold", strconv.Quote(strconv.Itoa(p.HAMTThreshold)+"B"))
		k.threshold = p.HAMTThreshold
	}
	if k.estimation != p.HAMTSizeEstimation {
		k.run(t, "", "config", "Import.UnixFSHAMTDirectorySizeEstimation", p.HAMTSizeEstimation)
		k.estimation = p.HAMTSizeEstimation
	}
}

// add runs `ipfs add -r --only-hash` on names inside dir with p and returns
// the CID Kubo printed for every path it added (names, and for
// directories every entry below them as "name/sub/file").
func (k *kubo) add(t testing.TB, dir string, p Params, extra []string, names ...string) map[string]string {
	t.Helper()
	k.setHAMT(t, p)
	args := []string{"add", "-r", "--pin=false", "--progress=false"}
	// Kubo v0.43.1's --only-hash drops --max-hamt-fanout and
	// --max-directory-links for the directories named on the command line
	// (its only-hash MFS root is made without them), though a real add
	// honours them: for those flags the reference is a real add into the
	// private repository, whose CIDs are the ones IPFS serves.
	if p.HAMTFanout == 256 && p.MaxDirectoryLinks == 0 {
		args = append(args, "--only-hash")
	}
	args = append(args, addFlags(p)...)
	args = append(args, extra...)
	args = append(args, "--")
	args = append(args, names...)
	out := k.run(t, dir, args...)
	got := map[string]string{}
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		f := strings.SplitN(line, " ", 3)
		if len(f) != 3 || f[0] != "added" {
			t.Fatalf("unexpected ipfs add output line %q", line)
		}
		got[f[2]] = f[1]
	}
	return got
}

func (p Params) String() string {
	return fmt.Sprintf("v%d raw=%v chunk=%d links=%d hash=%s trickle=%v", p.CIDVersion, p.RawLeaves, p.ChunkSize, p.MaxLinks, hashName(p.HashFunction), p.Trickle)
}
