package provenance

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ipfs/go-cid"
)

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestBuildAndCheck(t *testing.T) {
	ctx := context.Background()
	dir := writeTree(t, map[string]string{
		"config.json":               `{"a":1}`,
		"weights/model.safetensors": "weights v1",
		"weights/extra.bin":         "more",
		".hidden":                   "skipped",
	})
	m, err := BuildManifest(ctx, dir, &BuildOptions{Name: "acme/m"})
	if err != nil {
		t.Fatal(err)
	}
	paths := []string{}
	for _, f := range m.Subject.Files {
		paths = append(paths, f.Path)
	}
	if !slices.Equal(paths, []string{"config.json", "weights/extra.bin", "weights/model.safetensors"}) {
		t.Fatalf("files %v", paths)
	}
	if m.Subject.Size != int64(len(`{"a":1}`)+len("weights v1")+len("more")) {
		t.Errorf("size %d", m.Subject.Size)
	}
	// Complete the draft: it must validate.
	m.Contributors = []Contributor{{ID: "0x" + string(bytes.Repeat([]byte("1"), 40)), Role: "weights", Share: ShareWhole}}
	m.License, m.Created = "MIT", time.Date(2026, 11, 25, 17, 0, 0, 0, time.UTC)
	if err := m.Validate(); err != nil {
		t.Fatalf("built manifest: %v", err)
	}

	// The hidden file, which Hash skipped, is bytes nobody signed: the
	// check reports it.
	r, err := CheckManifest(ctx, m, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.OK() || !slices.Equal(r.Extra, []string{".hidden"}) || !r.RootMatches {
		t.Fatalf("hidden file not reported: %+v", r)
	}
	os.Remove(filepath.Join(dir, ".hidden"))
	r, err = CheckManifest(ctx, m, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !r.OK() || r.Checked != 3 || !r.RootMatches {
		t.Fatalf("unchanged tree: %+v", r)
	}

	// Change one file, remove one, add one.
	os.WriteFile(filepath.Join(dir, "weights/model.safetensors"), []byte("weights v2"), 0o644)
	os.Remove(filepath.Join(dir, "weights/extra.bin"))
	os.WriteFile(filepath.Join(dir, "new.txt"), []byte("new"), 0o644)
	r, err = CheckManifest(ctx, m, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.OK() || r.RootMatches {
		t.Error("changed tree reported OK")
	}
	if len(r.Changed) != 1 || r.Changed[0].Path != "weights/model.safetensors" || r.Changed[0].Got.Size != 10 {
		t.Errorf("Changed = %+v", r.Changed)
	}
	if !slices.Equal(r.Missing, []string{"weights/extra.bin"}) || !slices.Equal(r.Extra, []string{"new.txt"}) {
		t.Errorf("Missing %v, Extra %v", r.Missing, r.Extra)
	}

	// A subset check looks only at what it is asked about.
	r, err = CheckManifest(ctx, m, dir, &CheckOptions{Paths: []string{"config.json"}})
	if err != nil || !r.OK() || r.Checked != 1 || r.RootCID.Defined() {
		t.Errorf("subset config.json: %+v, %v", r, err)
	}
	r, err = CheckManifest(ctx, m, dir, &CheckOptions{Paths: []string{"weights/"}})
	if err != nil || r.OK() || len(r.Changed) != 1 || len(r.Missing) != 1 || len(r.Extra) != 0 {
		t.Errorf("subset weights/: %+v, %v", r, err)
	}
	if _, err := CheckManifest(ctx, m, dir, &CheckOptions{Paths: []string{"../x"}}); err == nil {
		t.Error("subset path with .. accepted")
	}
	if _, err := CheckManifest(ctx, m, dir, &CheckOptions{Paths: []string{"weight"}}); err == nil || !strings.Contains(err.Error(), "no such file or directory in the manifest") {
		t.Errorf("subset path naming nothing: %v", err)
	}
}

func TestCheckRefusesEscapes(t *testing.T) {
	ctx := context.Background()
	outside := writeTree(t, map[string]string{"secret": "s"})
	dir := writeTree(t, map[string]string{"a.bin": "a"})
	m, err := BuildManifest(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "secret"), filepath.Join(dir, "link")); err != nil {
		t.Skip("no symlinks:", err)
	}
	r, err := CheckManifest(ctx, m, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.OK() || len(r.Refused) != 1 || r.Refused[0].Path != "link" {
		t.Errorf("symlink out of the root: %+v", r)
	}
	// Manifest paths that leave the root are an error, before any read.
	for _, bad := range []string{"../secret", "/etc/passwd", "a/../../b"} {
		m2 := *m
		m2.Subject.Files = []File{{Path: bad, CID: m.Subject.CID, SHA256: m.Subject.Files[0].SHA256}}
		if _, err := CheckManifest(ctx, &m2, dir, nil); err == nil {
			t.Errorf("manifest path %q accepted", bad)
		}
	}
}

func TestCheckSingleFile(t *testing.T) {
	ctx := context.Background()
	dir := writeTree(t, map[string]string{"model.gguf": "gguf bytes"})
	file := filepath.Join(dir, "model.gguf")
	m, err := BuildManifest(ctx, file, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Subject.Files) != 1 || m.Subject.Files[0].Path != "model.gguf" || !m.Subject.Files[0].CID.Equals(m.Subject.CID) {
		t.Fatalf("single file manifest: %+v", m.Subject)
	}
	r, err := CheckManifest(ctx, m, file, nil)
	if err != nil || !r.OK() || !r.RootMatches {
		t.Fatalf("single file check: %+v, %v", r, err)
	}
	os.WriteFile(file, []byte("other"), 0o644)
	if r, _ := CheckManifest(ctx, m, file, nil); r.OK() || len(r.Changed) != 1 {
		t.Errorf("changed single file: %+v", r)
	}
}

func TestCheckCache(t *testing.T) {
	ctx := context.Background()
	dir := writeTree(t, map[string]string{"a": "aaa", "b": "bbb"})
	m, err := BuildManifest(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	cache := &CheckCache{}
	r, err := CheckManifest(ctx, m, dir, &CheckOptions{Cache: cache})
	if err != nil || !r.OK() || r.Cached != 0 || r.Checked != 2 {
		t.Fatalf("first cached check: %+v, %v", r, err)
	}
	var buf bytes.Buffer
	if _, err := cache.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	cache, err = ReadCheckCache(&buf)
	if err != nil {
		t.Fatal(err)
	}
	r, err = CheckManifest(ctx, m, dir, &CheckOptions{Cache: cache})
	if err != nil || !r.OK() || r.Cached != 2 {
		t.Fatalf("second cached check: %+v, %v", r, err)
	}
	// Rewriting a file changes its mtime or size: the cache must not vouch.
	os.WriteFile(filepath.Join(dir, "b"), []byte("BBBB"), 0o644)
	r, err = CheckManifest(ctx, m, dir, &CheckOptions{Cache: cache})
	if err != nil || r.OK() || r.Cached != 1 || len(r.Changed) != 1 {
		t.Fatalf("after a change: %+v, %v", r, err)
	}
	// Other import parameters never reuse entries.
	v0, _ := ProfileParams(ProfileUnixFSv0_2015)
	r, _ = CheckManifest(ctx, m, dir, &CheckOptions{Cache: cache, Params: v0})
	if r.Cached != 0 {
		t.Errorf("cache reused across parameters: %+v", r)
	}
}

func TestBuildOmitFiles(t *testing.T) {
	ctx := context.Background()
	dir := writeTree(t, map[string]string{"a": "aaa", "sub/b": "bbb"})
	m, err := BuildManifest(ctx, dir, &BuildOptions{OmitFiles: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Subject.Files) != 0 || m.Subject.Size != 6 {
		t.Fatalf("subject %+v", m.Subject)
	}
	r, err := CheckManifest(ctx, m, dir, nil)
	if err != nil || !r.OK() || !r.RootMatches {
		t.Fatalf("root-only check: %+v, %v", r, err)
	}
	os.WriteFile(filepath.Join(dir, "a"), []byte("AAA"), 0o644)
	if r, err = CheckManifest(ctx, m, dir, nil); err != nil || r.OK() || r.RootMatches {
		t.Fatalf("root-only check after a change: %+v, %v", r, err)
	}
	if _, err := CheckManifest(ctx, m, dir, &CheckOptions{Paths: []string{"a"}}); err == nil {
		t.Error("subset check of a manifest without files accepted")
	}
}

func TestFileChangeReason(t *testing.T) {
	a := File{Path: "w.bin", CID: testCID("a", cid.Raw), Size: 21, SHA256: sha256Hex("a")}
	b := File{Path: "w.bin", CID: testCID("b", cid.Raw), Size: 6, SHA256: sha256Hex("b")}
	sameBytes := a
	sameBytes.CID = testCID("a", cid.DagProtobuf)
	sameSize := b
	sameSize.Size = a.Size
	for _, tc := range []struct {
		name      string
		want, got File
		reason    string
	}{
		{"everything", a, b, fmt.Sprintf("size 6, manifest says 21; sha256 %s, manifest says %s; cid %s, manifest says %s",
			b.SHA256, a.SHA256, b.CID, a.CID)},
		{"same size", a, sameSize, fmt.Sprintf("sha256 %s, manifest says %s; cid %s, manifest says %s",
			b.SHA256, a.SHA256, b.CID, a.CID)},
		{"same bytes", a, sameBytes, fmt.Sprintf("same bytes but cid %s, manifest says %s: built with other import parameters?",
			sameBytes.CID, a.CID)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := (FileChange{Path: "w.bin", Want: tc.want, Got: tc.got}).Reason(); got != tc.reason {
				t.Errorf("Reason() =\n  %s\nwant\n  %s", got, tc.reason)
			}
		})
	}
}

// NewManifest drafts from a Result what BuildManifest builds from the
// files, and BuildOptions.Blocks stores the DAG in the same read.
func TestNewManifest(t *testing.T) {
	ctx := context.Background()
	dir := writeTree(t, map[string]string{"config.json": `{"a":1}`, "weights/model.bin": "weights"})
	sink := &memSink{t: t, blocks: map[cid.Cid][]byte{}}
	built, err := BuildManifest(ctx, dir, &BuildOptions{Name: "acme/m", Blocks: sink})
	if err != nil {
		t.Fatal(err)
	}
	if !sink.last.Equals(built.Subject.CID) || len(sink.blocks) < 3 {
		t.Errorf("Blocks got %d blocks, last %s; want the root %s last", len(sink.blocks), sink.last, built.Subject.CID)
	}
	if age := time.Since(built.Created); age < 0 || age > time.Hour || built.Created.Location() != time.UTC {
		t.Errorf("BuildManifest dated the manifest %v; want now, in UTC", built.Created)
	}
	when := time.Date(2026, 11, 25, 17, 0, 0, 0, time.UTC)
	res, err := Hash(ctx, dir, &Options{SHA256: true})
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewManifest(res, &BuildOptions{Name: "acme/m", Created: when})
	if err != nil {
		t.Fatal(err)
	}
	built.Created = when
	if !reflect.DeepEqual(m, built) {
		t.Errorf("NewManifest\n  %+v\nBuildManifest\n  %+v", m, built)
	}
	// Without a name, the subject is named after the root.
	if m, err := NewManifest(res, nil); err != nil || m.Subject.Name != filepath.Base(dir) {
		t.Errorf("NewManifest without a name: %+v, %v", m, err)
	}
	// A Result from elsewhere, with no root name, needs one.
	anon := *res
	anon.Name = ""
	if _, err := NewManifest(&anon, nil); err == nil || !strings.Contains(err.Error(), "BuildOptions.Name") {
		t.Errorf("NewManifest without root or name: %v", err)
	}

	// A Result without digests cannot list files, but can make a root-only manifest.
	plain, err := Hash(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewManifest(plain, nil); err == nil || !strings.Contains(err.Error(), `file "config.json" has no SHA-256 digest`) {
		t.Errorf("NewManifest without sha256: %v", err)
	}
	if m, err := NewManifest(plain, &BuildOptions{OmitFiles: true}); err != nil || m.Subject.Name != filepath.Base(dir) || !m.Subject.CID.Equals(res.CID) {
		t.Errorf("NewManifest OmitFiles without sha256: %+v, %v", m, err)
	}
	if _, err := NewManifest(nil, nil); err == nil {
		t.Error("NewManifest(nil Result) accepted")
	}

	// A single file is one entry named after it.
	file := filepath.Join(dir, "config.json")
	one, err := Hash(ctx, file, &Options{SHA256: true})
	if err != nil {
		t.Fatal(err)
	}
	m, err = NewManifest(one, nil)
	if err != nil || len(m.Subject.Files) != 1 || m.Subject.Files[0].Path != "config.json" || m.Subject.Name != "config.json" {
		t.Fatalf("single file: %+v, %v", m, err)
	}
	one.Name = ""
	if _, err := NewManifest(one, &BuildOptions{Name: "x"}); err == nil {
		t.Error("single file without root accepted")
	}
}
