package storage

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/ipfs/go-cid"
)

func openTestDir(t *testing.T) *Dir {
	t.Helper()
	d, err := OpenDir(filepath.Join(t.TempDir(), "store"))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestPutDAGAndGet(t *testing.T) {
	ctx := context.Background()
	for _, s := range []struct {
		name string
		s    Store
	}{{"memory", NewMemory()}, {"dir", openTestDir(t)}} {
		t.Run(s.name, func(t *testing.T) {
			content := randomBytes(100_000, 3)
			root, blocks := buildFile(t, content, 4096)
			got, err := putDAG(ctx, s.s, fakeImporter(root, blocks))
			if err != nil || !got.Equals(root) {
				t.Fatalf("putDAG = %s, %v", got, err)
			}
			r, err := Get(ctx, s.s, root)
			if err != nil {
				t.Fatal(err)
			}
			back, err := io.ReadAll(r)
			if err != nil || !bytes.Equal(back, content) {
				t.Fatalf("Get: %d bytes, %v", len(back), err)
			}
			// A missing leaf: the read fails naming it, after handing on
			// only verified bytes.
			s.s.Delete(ctx, blocks[5].c)
			r, _ = Get(ctx, s.s, root)
			back, err = io.ReadAll(r)
			if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), blocks[5].c.String()) {
				t.Fatalf("read with a missing leaf: %v", err)
			}
			if !bytes.Equal(back, content[:len(back)]) || len(back) > 5*4096 {
				t.Fatalf("read handed on %d bytes before the missing leaf", len(back))
			}
		})
	}
}

// TestCorruptObject: a block changed on disk is never returned; Check
// quarantines it, and the other blocks are untouched.
func TestCorruptObject(t *testing.T) {
	ctx := context.Background()
	d := openTestDir(t)
	content := randomBytes(50_000, 4)
	root, blocks := buildFile(t, content, 8192)
	if _, err := putDAG(ctx, d, fakeImporter(root, blocks)); err != nil {
		t.Fatal(err)
	}
	victim := blocks[2].c
	_, file := d.blockPath(victim)
	os.Chmod(file, 0o644)
	bad := bytes.Clone(blocks[2].data)
	bad[100] ^= 1
	if err := os.WriteFile(file, bad, 0o644); err != nil {
		t.Fatal(err)
	}

	_, err := d.GetBlock(ctx, victim)
	var ce *CorruptError
	if !errors.As(err, &ce) || !ce.CID.Equals(victim) || !strings.Contains(err.Error(), file) {
		t.Fatalf("GetBlock of a corrupt object: %v", err)
	}
	r, _ := Get(ctx, d, root)
	if _, err := io.ReadAll(r); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Get through a corrupt leaf: %v", err)
	}

	// A stray file with a name that is not a CID is quarantined too.
	stray := filepath.Join(d.Path(), blocksSubdir, "zz", "not-a-cid")
	os.MkdirAll(filepath.Dir(stray), 0o755)
	os.WriteFile(stray, []byte("?"), 0o644)

	rep, err := d.Check(ctx, &CheckOptions{DryRun: true})
	if err != nil || len(rep.Corrupt) != 2 || len(rep.Quarantined) != 0 {
		t.Fatalf("dry run: %+v, %v", rep, err)
	}
	rep, err = d.Check(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Corrupt) != 2 || len(rep.Quarantined) != 2 || rep.Checked != len(blocks) {
		t.Fatalf("check report %+v", rep)
	}
	if ok, _ := d.Has(ctx, victim); ok {
		t.Fatal("corrupt block still visible after Check")
	}
	for _, q := range rep.Quarantined {
		if !strings.HasPrefix(q, filepath.Join(d.Path(), quarantineDir)) {
			t.Fatalf("quarantined to %s", q)
		}
	}
	// Nothing else was touched, and putting the good block repairs.
	for i, b := range blocks {
		if i == 2 {
			continue
		}
		if _, err := d.GetBlock(ctx, b.c); err != nil {
			t.Fatalf("block %d lost: %v", i, err)
		}
	}
	if err := d.PutBlock(ctx, victim, blocks[2].data); err != nil {
		t.Fatal(err)
	}
	rep, err = d.Check(ctx, nil)
	if err != nil || len(rep.Corrupt) != 0 {
		t.Fatalf("after repair: %+v %v", rep, err)
	}
}

// TestTruncatedObjectIsReplaced: a put of a block whose object was
// truncated (by a full disk, say) replaces it.
func TestTruncatedObjectIsReplaced(t *testing.T) {
	ctx := context.Background()
	d := openTestDir(t)
	data := []byte("some block content")
	c := rawCID(t, data)
	_, file := d.blockPath(c)
	os.MkdirAll(filepath.Dir(file), 0o755)
	os.WriteFile(file, data[:5], 0o644)
	if err := d.PutBlock(ctx, c, data); err != nil {
		t.Fatal(err)
	}
	if got, err := d.GetBlock(ctx, c); err != nil || !bytes.Equal(got, data) {
		t.Fatalf("%q %v", got, err)
	}
}

// limitedFile fails writes with ENOSPC once a shared budget is spent.
type limitedFile struct {
	*os.File
	budget *atomic.Int64
}

func (f *limitedFile) Write(p []byte) (int, error) {
	if f.budget.Add(-int64(len(p))) < 0 {
		return 0, &os.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	}
	return f.File.Write(p)
}

// TestFullDisk: a put that runs out of space fails saying so, leaves no
// temporary files and no root, and loses nothing stored before.
func TestFullDisk(t *testing.T) {
	ctx := context.Background()
	d := openTestDir(t)
	before := randomBytes(30_000, 5)
	beforeRoot, beforeBlocks := buildFile(t, before, 4096)
	if _, err := putDAG(ctx, d, fakeImporter(beforeRoot, beforeBlocks)); err != nil {
		t.Fatal(err)
	}

	var budget atomic.Int64
	budget.Store(50_000)
	d.createTemp = func(dir, pattern string) (tempFile, error) {
		f, err := os.CreateTemp(dir, pattern)
		if err != nil {
			return nil, err
		}
		return &limitedFile{File: f, budget: &budget}, nil
	}
	content := randomBytes(200_000, 6)
	root, blocks := buildFile(t, content, 4096)
	_, err := putDAG(ctx, d, fakeImporter(root, blocks))
	if !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), "no space left on device") {
		t.Fatalf("put on a full disk: %v", err)
	}
	t.Logf("error: %v", err)
	if ok, _ := d.Has(ctx, root); ok {
		t.Fatal("root of a failed put is visible")
	}
	tmps, _ := filepath.Glob(filepath.Join(d.Path(), blocksSubdir, "*", tempPrefix+"*"))
	if len(tmps) != 0 {
		t.Fatalf("temporary files left: %v", tmps)
	}
	r, err := Get(ctx, d, beforeRoot)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := io.ReadAll(r); err != nil || !bytes.Equal(got, before) {
		t.Fatalf("earlier content: %d bytes, %v", len(got), err)
	}
	rep, err := d.Check(ctx, nil)
	if err != nil || len(rep.Corrupt) != 0 {
		t.Fatalf("check after a full disk: %+v %v", rep, err)
	}
}

// TestFullTmpfs does the same on a real 1 MiB tmpfs where mounting is
// allowed (root on Linux); elsewhere it is skipped.
func TestFullTmpfs(t *testing.T) {
	mnt := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", mnt).Run() })
	ctx := context.Background()
	d, err := OpenDir(filepath.Join(mnt, "store"))
	if err != nil {
		t.Fatal(err)
	}
	small := randomBytes(100_000, 8)
	smallRoot, smallBlocks := buildFile(t, small, 16384)
	if _, err := putDAG(ctx, d, fakeImporter(smallRoot, smallBlocks)); err != nil {
		t.Fatal(err)
	}
	big := randomBytes(2<<20, 9)
	root, blocks := buildFile(t, big, 65536)
	_, err = putDAG(ctx, d, fakeImporter(root, blocks))
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("put of 2 MiB into a 1 MiB tmpfs: %v", err)
	}
	if ok, _ := d.Has(ctx, root); ok {
		t.Fatal("root of a failed put is visible")
	}
	r, _ := Get(ctx, d, smallRoot)
	if got, err := io.ReadAll(r); err != nil || !bytes.Equal(got, small) {
		t.Fatalf("earlier content: %v", err)
	}
}

// TestKilledWriter SIGKILLs a process in the middle of putting a DAG into
// a directory store: every visible object is whole, the interrupted DAG's
// root is not visible, and what was stored before is intact.
func TestKilledWriter(t *testing.T) {
	if os.Getenv("AIPROV_STORAGE_KILL_HELPER") != "" {
		killHelper()
		return
	}
	ctx := context.Background()
	d := openTestDir(t)
	before := randomBytes(40_000, 10)
	beforeRoot, beforeBlocks := buildFile(t, before, 4096)
	if _, err := putDAG(ctx, d, fakeImporter(beforeRoot, beforeBlocks)); err != nil {
		t.Fatal(err)
	}
	for round := range 3 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledWriter$")
		cmd.Env = append(os.Environ(), "AIPROV_STORAGE_KILL_HELPER="+d.Path())
		stdout, _ := cmd.StdoutPipe()
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, err := bufio.NewReader(stdout).ReadString('\n')
		if err != nil || !strings.HasPrefix(line, "root ") {
			t.Fatalf("helper said %q, %v", line, err)
		}
		root := cid.MustParse(strings.TrimSpace(strings.TrimPrefix(line, "root ")))
		time.Sleep(time.Duration(20*(round+1)) * time.Millisecond) // let it get into its writes
		cmd.Process.Kill()
		cmd.Wait()

		if ok, _ := d.Has(ctx, root); ok {
			t.Fatalf("round %d: the interrupted DAG's root is visible", round)
		}
		rep, err := d.Check(ctx, &CheckOptions{StaleAfter: time.Nanosecond})
		if err != nil || len(rep.Corrupt) != 0 {
			t.Fatalf("round %d: check after kill: %+v %v", round, rep, err)
		}
		t.Logf("round %d: %d whole objects, %d temporary files of the killed write removed", round, rep.Checked, rep.TempRemoved)
		r, err := Get(ctx, d, beforeRoot)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := io.ReadAll(r); err != nil || !bytes.Equal(got, before) {
			t.Fatalf("round %d: earlier content: %v", round, err)
		}
	}
}

// killHelper puts a large DAG slowly and forever; the parent kills it.
func killHelper() {
	d, err := OpenDir(os.Getenv("AIPROV_STORAGE_KILL_HELPER"))
	if err != nil {
		panic(err)
	}
	content := randomBytes(64<<20, uint64(time.Now().UnixNano()))
	root, blocks := buildFile(&testing.T{}, content, 256<<10)
	fmt.Printf("root %s\n", root)
	putDAG(context.Background(), d, func(ctx context.Context, sink *stagingSink) (cid.Cid, error) {
		for i := 0; ; i = (i + 1) % (len(blocks) - 1) { // never the root
			if err := sink.PutBlock(ctx, blocks[i].c, blocks[i].data); err != nil {
				return cid.Undef, err
			}
		}
	})
}

// TestDamagedObjectIsRepaired: a put of a block whose object has the
// right size but wrong bytes (a power loss before a batch's sync can leave
// that) rewrites it instead of keeping it.
func TestDamagedObjectIsRepaired(t *testing.T) {
	ctx := context.Background()
	d := openTestDir(t)
	data := []byte("some block content")
	c := rawCID(t, data)
	_, file := d.blockPath(c)
	os.MkdirAll(filepath.Dir(file), 0o755)
	os.WriteFile(file, bytes.Repeat([]byte{0}, len(data)), 0o644)
	if err := d.PutBlock(ctx, c, data); err != nil {
		t.Fatal(err)
	}
	if got, err := d.GetBlock(ctx, c); err != nil || !bytes.Equal(got, data) {
		t.Fatalf("%q %v", got, err)
	}
}

func TestDefaultDir(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		t.Skip("XDG layout is for other systems")
	}
	for _, tc := range []struct {
		env  map[string]string
		want string
		err  bool
	}{
		{map[string]string{"AIPROV_STORE": "/s", "XDG_DATA_HOME": "/x", "HOME": "/h"}, "/s", false},
		{map[string]string{"XDG_DATA_HOME": "/x", "HOME": "/h"}, "/x/aiprov/store", false},
		{map[string]string{"XDG_DATA_HOME": "relative", "HOME": "/h"}, "/h/.local/share/aiprov/store", false},
		{map[string]string{"HOME": "/h"}, "/h/.local/share/aiprov/store", false},
		{map[string]string{}, "", true},
	} {
		got, err := DefaultDir(func(k string) string { return tc.env[k] })
		if (err != nil) != tc.err || got != tc.want {
			t.Errorf("DefaultDir(%v) = %q, %v; want %q", tc.env, got, err, tc.want)
		}
	}
}

// TestGetVerifiesLeafPairs: Dir verifies equal-length leaves two at a time
// (internal/sha256x2); a damaged leaf in either place of a pair, or one
// whose length changed (so the pair is verified one by one), fails the
// read naming that leaf, after only the bytes before it.
func TestGetVerifiesLeafPairs(t *testing.T) {
	ctx := context.Background()
	const chunk = 4096
	content := randomBytes(5*chunk+1000, 7) // five full leaves and a short one
	root, blocks := buildFile(t, content, chunk)
	leaves := blocks[:len(blocks)-1]
	for _, tc := range []struct {
		name   string
		damage func([]byte) []byte
	}{
		{"flipped bit", func(b []byte) []byte { b = bytes.Clone(b); b[len(b)/2] ^= 1; return b }},
		{"truncated", func(b []byte) []byte { return b[:len(b)-1] }},
	} {
		for i, victim := range leaves {
			t.Run(fmt.Sprintf("%s/leaf %d", tc.name, i), func(t *testing.T) {
				d := openTestDir(t)
				if _, err := putDAG(ctx, d, fakeImporter(root, blocks)); err != nil {
					t.Fatal(err)
				}
				// Intact first: pairs verify.
				r, _ := Get(ctx, d, root)
				if back, err := io.ReadAll(r); err != nil || !bytes.Equal(back, content) {
					t.Fatalf("intact Get: %d bytes, %v", len(back), err)
				}
				_, file := d.blockPath(victim.c)
				os.Chmod(file, 0o644)
				if err := os.WriteFile(file, tc.damage(victim.data), 0o644); err != nil {
					t.Fatal(err)
				}
				r, _ = Get(ctx, d, root)
				back, err := io.ReadAll(r)
				var ce *CorruptError
				if !errors.As(err, &ce) || !ce.CID.Equals(victim.c) || !strings.Contains(err.Error(), file) {
					t.Fatalf("Get with leaf %d damaged: %v", i, err)
				}
				if !bytes.Equal(back, content[:len(back)]) || len(back) > i*chunk {
					t.Fatalf("read handed on %d bytes before damaged leaf %d", len(back), i)
				}
			})
		}
	}
}
